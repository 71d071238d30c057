import type { RequestView } from '../auth/request-view.js';
import { configError, JwtError } from '../errors/jwt-error.js';
import { originOfUrl, parseOrigin } from '../lib/origin.js';

/**
 * Which foreign origins may send unsafe requests.
 *
 * @example
 * ```ts
 * const options: CsrfOptions = { allowedOrigins: ['https://app.example.com'] };
 * ```
 */
export interface CsrfOptions {
  /** Origins allowed besides the request's own one. Default: none. */
  allowedOrigins?: readonly string[];
}

// RFC 9110 §9.2.1 safe methods; everything else changes state.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

function single(req: RequestView, name: string): string | undefined | null {
  const value = req.headers[name];
  // A repeated Origin/Sec-Fetch-Site header is ambiguous: `null` makes the check fail.
  return Array.isArray(value) ? null : value;
}

function ownOrigin(req: RequestView): string | undefined {
  const host = req.host ?? single(req, 'host');
  if (typeof host !== 'string' || host === '' || /[/?#@\\]/.test(host)) return undefined;
  return parseOrigin(`${req.secure ? 'https' : 'http'}://${host}`);
}

/**
 * Compiles the cross-site request check for cookie-authenticated requests (internal form of
 * {@link checkCsrf}; options validated once).
 *
 * @param options - allowed foreign origins
 */
export function compileCsrfCheck(options: CsrfOptions = {}): (req: RequestView) => void {
  const { allowedOrigins = [] } = options;
  if (!Array.isArray(allowedOrigins)) configError('allowedOrigins', 'must be an array of origins');
  const allowed = new Set<string>();
  for (const entry of allowedOrigins) {
    const origin = typeof entry === 'string' ? parseOrigin(entry) : undefined;
    if (origin === undefined) {
      configError('allowedOrigins', 'each entry must be an origin like https://app.example.com');
    }
    allowed.add(origin);
  }
  const refuse = (): never => {
    throw new JwtError('ERR_JWT_CSRF');
  };
  return (req) => {
    if (SAFE_METHODS.has(req.method.toUpperCase())) return;
    const accepts = (origin: string | undefined): boolean =>
      origin !== undefined && (allowed.has(origin) || origin === ownOrigin(req));
    const origin = single(req, 'origin');
    if (origin !== undefined) {
      if (origin === null || !accepts(parseOrigin(origin))) refuse();
      return;
    }
    const site = single(req, 'sec-fetch-site');
    if (site !== undefined) {
      if (site !== 'same-origin' && site !== 'none') refuse();
      return;
    }
    const referer = single(req, 'referer');
    if (referer !== undefined) {
      if (referer === null || !accepts(originOfUrl(referer))) refuse();
      return;
    }
    // No Origin, Sec-Fetch-Site or Referer: not a browser (every current browser sends Origin on
    // unsafe requests), so not a cross-site request forgery.
  };
}

/**
 * The cross-site request forgery check for cookie-authenticated requests: an unsafe method
 * (anything but GET, HEAD, OPTIONS, TRACE) must come from the request's own origin or an allowed
 * one, judged by `Origin`, then `Sec-Fetch-Site`, then `Referer`. Throws `ERR_JWT_CSRF` (403).
 * The authenticator runs it for every request whose token came from a cookie.
 *
 * @param req - the request view
 * @param options - allowed foreign origins
 * @example
 * ```ts
 * import { checkCsrf, JwtError } from '@tokenward/core';
 *
 * try {
 *   checkCsrf(
 *     { method: 'POST', url: '/transfer', headers: { host: 'bank.example', origin: 'https://evil.example' }, secure: true },
 *     { allowedOrigins: ['https://app.bank.example'] },
 *   );
 * } catch (err) {
 *   if (err instanceof JwtError) console.log(err.code, err.status); // ERR_JWT_CSRF 403
 * }
 * ```
 */
export function checkCsrf(req: RequestView, options?: CsrfOptions): void {
  compileCsrfCheck(options)(req);
}
