import { JwtError } from '../errors/jwt-error.js';
import { decodeBase64url } from '../lib/base64url.js';
import { isB64Token } from '../lib/b64token.js';
import { checkCookieOptions, type AuthCookieOptions } from './auth-cookie-options.js';

function expiryOf(token: string): number | undefined {
  const payload = decodeBase64url(token.split('.')[1] ?? '');
  let claims: unknown;
  try {
    claims = payload === undefined ? undefined : JSON.parse(payload.toString('utf8'));
  } catch {
    claims = undefined;
  }
  if (typeof claims !== 'object' || claims === null || token.split('.').length !== 3) {
    throw new JwtError('ERR_JWT_MALFORMED', 'serializeAuthCookie needs a compact JWT');
  }
  const exp = (claims as { exp?: unknown }).exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
}

/**
 * Builds the `Set-Cookie` value that carries a token: `HttpOnly`, `Secure`, `SameSite=Strict`,
 * `Path=/` by default, and `Max-Age` running until the token's `exp` (0 when already expired).
 * Options are validated (`ERR_JWT_CONFIG_INVALID` naming the option); HttpOnly is only left out
 * when `httpOnly: false` is given explicitly.
 *
 * @param token - the compact JWT you just signed
 * @param options - cookie attributes
 * @returns the header value for `Set-Cookie`
 * @example
 * ```ts
 * import { serializeAuthCookie } from '@tokenward/core';
 *
 * const exp = Math.floor(Date.now() / 1000) + 900;
 * const payload = Buffer.from(JSON.stringify({ sub: 'alice', exp })).toString('base64url');
 * const token = `eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln`;
 * console.log(serializeAuthCookie(token));
 * // access_token=eyJ...; Max-Age=900; Path=/; HttpOnly; Secure; SameSite=Strict
 * ```
 */
export function serializeAuthCookie(token: string, options?: AuthCookieOptions): string {
  const checked = checkCookieOptions(options);
  if (typeof token !== 'string' || !isB64Token(token)) {
    throw new JwtError('ERR_JWT_MALFORMED', 'serializeAuthCookie needs a compact JWT');
  }
  const exp = expiryOf(token);
  let maxAge = checked.maxAge;
  if (maxAge === undefined && exp !== undefined) {
    // Rounded up: a token signed a few milliseconds ago still has its whole lifetime (900 s, not
    // 899), and the cookie outlives the token by less than a second, when it is refused anyway.
    maxAge = Math.max(0, Math.ceil(exp - checked.clock() / 1000));
  }
  const age = maxAge === undefined ? '' : `; Max-Age=${maxAge}`;
  return `${checked.name}=${token}${age}; ${checked.attributes}`;
}

/**
 * Builds the `Set-Cookie` value that deletes the token cookie (logout). Pass the same options as
 * to {@link serializeAuthCookie} so that the browser matches the cookie (same name, path, domain).
 *
 * @param options - cookie attributes
 * @example
 * ```ts
 * import { clearAuthCookie } from '@tokenward/core';
 *
 * console.log(clearAuthCookie()); // access_token=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict
 * ```
 */
export function clearAuthCookie(options?: AuthCookieOptions): string {
  const checked = checkCookieOptions(options);
  return `${checked.name}=; Max-Age=0; ${checked.attributes}`;
}
