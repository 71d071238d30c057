import { SignJWT } from 'jose';
import type { RequestView } from '../../src/index.js';

/** The HS256 secret of the authenticator tests (32 bytes or more). */
export const SECRET = 'an-hs256-test-secret-of-32-bytes-or-more!';

/** The frozen time of those tests, NumericDate seconds. */
export const NOW = 1_700_000_000;

/** A `clock` option that always says {@link NOW}. */
export const clock = (): number => NOW * 1000;

/**
 * An HS256 token signed by jose with {@link SECRET}: issued 10 s before {@link NOW}, expiring
 * 600 s after it.
 *
 * @param claims - the payload claims
 * @example
 * ```ts
 * const token = await signHs256({ sub: 'alice' });
 * ```
 */
export function signHs256(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(NOW - 10)
    .setExpirationTime(NOW + 600)
    .sign(new TextEncoder().encode(SECRET));
}

/**
 * A request view with one `Authorization` header (none when omitted), in `headers` and in
 * `rawHeaders`.
 *
 * @param authorization - the header value
 * @param secure - whether it arrived over HTTPS (default `true`)
 * @example
 * ```ts
 * await auth.authenticate(authorizationView(`Bearer ${token}`));
 * ```
 */
export function authorizationView(authorization?: string, secure = true): RequestView {
  const headers = authorization === undefined ? {} : { authorization };
  const rawHeaders = authorization === undefined ? [] : ['Authorization', authorization];
  return { method: 'GET', url: '/', headers, rawHeaders, secure };
}
