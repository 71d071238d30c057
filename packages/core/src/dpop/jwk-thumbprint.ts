import { hash } from 'node:crypto';
import { JwtError } from '../errors/jwt-error.js';

// RFC 7638 §3.2: the required members of each key type, in lexicographic order.
const REQUIRED: ReadonlyMap<string, readonly string[]> = new Map([
  ['EC', ['crv', 'kty', 'x', 'y']],
  ['RSA', ['e', 'kty', 'n']],
  ['OKP', ['crv', 'kty', 'x']],
  ['oct', ['k', 'kty']],
]);

/**
 * The RFC 7638 input of a JWK: its required members, lexicographically ordered, as JSON without
 * whitespace; `undefined` for an unknown `kty` or a required member that is not a string.
 *
 * @param jwk - the JWK, untrusted
 */
export function thumbprintInput(jwk: unknown): string | undefined {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return undefined;
  const record = jwk as Record<string, unknown>;
  const kty = Object.hasOwn(record, 'kty') ? record.kty : undefined;
  const members = typeof kty === 'string' ? REQUIRED.get(kty) : undefined;
  if (members === undefined) return undefined;
  const parts: string[] = [];
  for (const name of members) {
    const value = Object.hasOwn(record, name) ? record[name] : undefined;
    if (typeof value !== 'string') return undefined;
    // JSON.stringify escapes exactly as RFC 7638 §3.3 asks (RFC 8259 minimal escaping).
    parts.push(`"${name}":${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The RFC 7638 JWK SHA-256 thumbprint of a key, base64url-encoded: the value a DPoP-bound token
 * carries as `cnf.jkt` (RFC 9449 §6.1). Members beyond the required ones (`kid`, `alg`, `use`,
 * private members) do not change it.
 *
 * @param jwk - a JWK of `kty` `EC`, `RSA`, `OKP` or `oct`
 * @returns the 43-character base64url thumbprint
 * @throws JwtError `ERR_JWT_KEY_INVALID` for an unknown `kty` or a missing required member
 * @example
 * ```ts
 * import { generateKeyPairSync } from 'node:crypto';
 * import { jwkThumbprint } from '@tokenward/core';
 *
 * const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
 * const jkt = jwkThumbprint(publicKey.export({ format: 'jwk' }));
 * jkt.length; // 43
 * ```
 */
export function jwkThumbprint(jwk: object): string {
  const input = thumbprintInput(jwk);
  if (input === undefined) {
    throw new JwtError(
      'ERR_JWT_KEY_INVALID',
      'A JWK thumbprint needs kty EC, RSA, OKP or oct and its required members as strings',
    );
  }
  return hash('sha256', input, 'base64url');
}
