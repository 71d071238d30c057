import { randomBytes } from 'node:crypto';
import { configError } from '../errors/jwt-error.js';
import { algorithmSpec } from '../lib/algorithm-table.js';
import type { Algorithm } from '../types/algorithm.js';

/**
 * Generates a random HMAC secret of the algorithm's hash size (HS256: 32 bytes, HS384: 48,
 * HS512: 64) — the smallest size the verifier and the signer accept. Keep it out of source code;
 * to put it in an environment variable, encode it (`secret.toString('base64url')`) and decode it
 * back to bytes (`Buffer.from(value, 'base64url')`) before use.
 *
 * @param alg - `HS256`, `HS384` or `HS512`
 * @returns fresh random bytes from `crypto.randomBytes`
 * @example
 * ```ts
 * const secret = generateSecret('HS256');
 * const signer = createSigner({ algorithm: 'HS256', key: secret, expiresIn: '15m' });
 * const verifier = createVerifier({ algorithms: ['HS256'], key: secret });
 * ```
 */
export function generateSecret(alg: Algorithm): Buffer {
  const spec = algorithmSpec(alg);
  if (spec === undefined) configError('alg', 'must be a supported algorithm');
  if (spec.family !== 'HMAC')
    configError('alg', 'must be an HMAC algorithm (use generateKeyPair for the others)');
  return randomBytes(spec.hashBytes);
}
