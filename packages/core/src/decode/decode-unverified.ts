import { JwtError } from '../errors/jwt-error.js';
import { isCanonicalBase64url } from '../lib/base64url.js';
import { decodeJsonSegment } from '../lib/decode-json-segment.js';
import type { JwtClaims, VerifyResult } from '../types/claims.js';

// The verifier's default length cap: inspection gets no more input than verification would.
const MAX_TOKEN_LENGTH = 8192;

/**
 * Decodes a compact JWT **without verifying it**, for inspection only: logging a `kid`, showing a
 * token in a debugging tool, reading `exp` to schedule a refresh on the client. **Never use the
 * result for authentication or authorization**: anyone can write any header and claims; only
 * `createVerifier(...).verify(token)` tells you the token is genuine, unexpired and meant for you.
 *
 * The decoding is as strict as the verifier's (three segments, canonical base64url, fatal UTF-8,
 * strict JSON without duplicate members or `__proto__`, objects only), so what you inspect is
 * what a verifier would read. Header and payload come back as null-prototype objects. Nothing
 * about the header is checked (`alg`, `crit`, ...) and the signature is not looked at beyond its
 * encoding.
 *
 * @param token - a compact JWS JWT (at most 8,192 characters)
 * @returns the unverified header and payload
 * @throws `JwtError` `ERR_JWT_TOO_LARGE` past 8,192 characters, `ERR_JWT_MALFORMED` for anything
 *   that is not a well-formed compact JWS with JSON object header and payload (including JWE)
 * @example
 * ```ts
 * const { header, payload } = decodeUnverified(token);
 * console.log(header.kid, payload.exp); // for logs and tools, never for access decisions
 * ```
 */
export function decodeUnverified<T = JwtClaims>(token: string): VerifyResult<T> {
  if (typeof token !== 'string') throw new JwtError('ERR_JWT_MALFORMED');
  if (token.length > MAX_TOKEN_LENGTH) throw new JwtError('ERR_JWT_TOO_LARGE');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] === '' || parts[1] === '') {
    throw new JwtError('ERR_JWT_MALFORMED');
  }
  if (!isCanonicalBase64url(parts[2] as string)) throw new JwtError('ERR_JWT_MALFORMED');
  const header = decodeJsonSegment(parts[0] as string);
  const payload = decodeJsonSegment(parts[1] as string);
  return { header: header as VerifyResult['header'], payload: payload as T };
}
