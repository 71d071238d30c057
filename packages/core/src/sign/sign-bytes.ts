import { constants, createHmac, sign, type KeyObject } from 'node:crypto';
import { algorithmSpec } from '../lib/algorithm-table.js';
import type { Algorithm } from '../types/algorithm.js';

/** Computes the JWS signature of a signing input. */
export type SignatureFunction = (input: string) => Promise<Buffer>;

/**
 * The signature function for `alg` and a checked key: HMAC inline; RSA PKCS#1 v1.5, RSA-PSS with
 * salt = hash length (RFC 7518 §3.5), ECDSA as raw R‖S (`ieee-p1363`) and Ed25519 on the libuv
 * thread pool (node:crypto's callback form), so signing never blocks the event loop.
 *
 * @param alg - the signer's algorithm
 * @param key - a private or secret key already checked for `alg`
 * @example
 * ```ts
 * const signature = await signatureFunction('ES256', privateKey)(`${header}.${payload}`);
 * ```
 */
export function signatureFunction(alg: Algorithm, key: KeyObject): SignatureFunction {
  const spec = algorithmSpec(alg)!;
  if (spec.family === 'HMAC') {
    return (input) => Promise.resolve(createHmac(spec.hash, key).update(input).digest());
  }
  let options: Parameters<typeof sign>[2];
  switch (spec.family) {
    case 'RSA':
      options = { key, padding: constants.RSA_PKCS1_PADDING };
      break;
    case 'RSA-PSS':
      options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: spec.hashBytes };
      break;
    case 'EC':
      options = { key, dsaEncoding: 'ieee-p1363' };
      break;
    default:
      options = key;
  }
  const hash = spec.family === 'OKP' ? null : spec.hash;
  return (input) =>
    new Promise((resolve, reject) => {
      sign(hash, Buffer.from(input, 'utf8'), options, (err, signature) =>
        err ? reject(err) : resolve(signature),
      );
    });
}
