// The DPoP client both DPoP benches use: one ES256 proof key, an HS256 token bound to it
// (cnf.jkt) and an unbound one, and fresh proofs for GET requests to one URL.
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createSigner, jwkThumbprint } from '@tokenward/core';

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * `text` as Node's HTTP parser hands a header value over: one flat one-byte string. (A template
 * literal makes a rope, which the first read of it flattens into a copy: a cost of the bench's
 * fixtures, not of a request.)
 *
 * @param {string} text
 * @returns {string}
 */
export const asHeaderValue = (text) => Buffer.from(text, 'latin1').toString('latin1');

/**
 * @param {string} secret - the HS256 secret the server verifies with
 * @returns {Promise<{ publicKey: import('node:crypto').KeyObject, bound: string, plain: string, proofs: (count: number, htu: string) => string[] }>}
 */
export async function dpopClient(secret) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const header = b64({ typ: 'dpop+jwt', alg: 'ES256', jwk });
  const signer = createSigner({ algorithm: 'HS256', key: secret, expiresIn: '1h' });
  const bound = await signer.sign({ sub: 'alice' }, { dpopJkt: jwkThumbprint(jwk) });
  const plain = await signer.sign({ sub: 'alice' });
  const ath = createHash('sha256').update(bound).digest('base64url');
  // `count` proofs for GET `htu`, each with its own jti (a proof is good for one request).
  const proofs = (count, htu) => {
    const iat = Math.floor(Date.now() / 1000);
    return Array.from({ length: count }, () => {
      const input = `${header}.${b64({ jti: randomUUID(), htm: 'GET', htu, iat, ath })}`;
      const signature = sign('sha256', Buffer.from(input), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363',
      });
      return asHeaderValue(`${input}.${signature.toString('base64url')}`);
    });
  };
  return { publicKey, bound, plain, proofs };
}
