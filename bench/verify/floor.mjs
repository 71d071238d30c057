// The floor: the least a correct verifier must do for every token — split, parse the header,
// check alg, verify the signature, parse the payload, check exp. No iss/aud, no strictness.
import { Buffer } from 'node:buffer';
import { constants, createHmac, timingSafeEqual, verify } from 'node:crypto';

export function createFloorVerifier(keys) {
  const { alg, spec } = keys;
  let check;
  if (spec.family === 'HMAC') {
    check = (input, signature) => {
      const mac = createHmac(spec.hash, keys.secret).update(input).digest();
      return mac.length === signature.length && timingSafeEqual(mac, signature);
    };
  } else {
    const options =
      spec.family === 'PSS'
        ? { key: keys.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
        : spec.family === 'EC'
          ? { key: keys.publicKey, dsaEncoding: 'ieee-p1363' }
          : keys.publicKey;
    check = (input, signature) => verify(spec.hash, Buffer.from(input), options, signature);
  }
  return (token) => {
    const first = token.indexOf('.');
    const second = token.indexOf('.', first + 1);
    const header = JSON.parse(Buffer.from(token.slice(0, first), 'base64url').toString());
    if (header.alg !== alg) throw new Error('alg');
    const signature = Buffer.from(token.slice(second + 1), 'base64url');
    if (!check(token.slice(0, second), signature)) throw new Error('signature');
    const payload = JSON.parse(Buffer.from(token.slice(first + 1, second), 'base64url').toString());
    if (!(typeof payload.exp === 'number' && Date.now() / 1000 < payload.exp))
      throw new Error('exp');
    return payload;
  };
}
