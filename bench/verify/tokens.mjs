// Keys and tokens shared by every library in the run: the same key material, the same tokens.
import { Buffer } from 'node:buffer';
import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
} from 'node:crypto';

export const ISSUER = 'https://auth.example.com/';
export const AUDIENCE = 'https://api.example.com';

const SPECS = {
  HS256: { family: 'HMAC', hash: 'sha256' },
  RS256: { family: 'RSA', hash: 'sha256' },
  PS256: { family: 'PSS', hash: 'sha256' },
  ES256: { family: 'EC', hash: 'sha256' },
  EdDSA: { family: 'OKP', hash: null },
};
export const BENCH_ALGORITHMS = Object.keys(SPECS);

/** Key material for one algorithm, in every form the libraries take. */
export function makeKeys(alg) {
  const spec = SPECS[alg];
  if (spec.family === 'HMAC') {
    const secret = randomBytes(32);
    return { alg, spec, secret, signKey: secret };
  }
  const { privateKey, publicKey } =
    spec.family === 'EC'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : spec.family === 'OKP'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' });
  return { alg, spec, signKey: privateKey, publicKey: createPublicKey(publicPem), publicPem };
}

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** One signed token (header { alg, typ }, claims iss/aud/sub/iat/exp/jti plus overrides). */
export function makeToken(keys, overrides = {}) {
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: keys.alg, typ: 'JWT' })}.${b64({
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-42',
    roles: ['user'],
    iat: now,
    exp: now + 3600,
    jti: randomUUID(),
    ...overrides,
  })}`;
  const { family, hash } = keys.spec;
  let signature;
  if (family === 'HMAC') signature = createHmac(hash, keys.secret).update(input).digest();
  else if (family === 'PSS')
    signature = sign(hash, Buffer.from(input), { key: keys.signKey, padding: 6, saltLength: 32 });
  else if (family === 'EC')
    signature = sign(hash, Buffer.from(input), { key: keys.signKey, dsaEncoding: 'ieee-p1363' });
  else signature = sign(hash, Buffer.from(input), keys.signKey);
  return `${input}.${signature.toString('base64url')}`;
}
