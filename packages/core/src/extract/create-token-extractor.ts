import type { TokenSource } from '../auth/authenticator-types.js';
import type { RequestView } from '../auth/request-view.js';
import { configError, JwtError } from '../errors/jwt-error.js';
import { invalidRequest } from '../lib/invalid-request.js';
import { asPromise } from '../lib/as-promise.js';
import { readAuthorization, readAuthorizationWithDpop } from './read-authorization.js';
import { readCookie } from './read-cookie.js';
import { readQuery } from './read-query.js';

/**
 * Where tokens may come from. The `Authorization: Bearer` header is always read.
 *
 * @example
 * ```ts
 * const options: TokenExtractorOptions = { cookie: '__Host-access_token' };
 * ```
 */
export interface TokenExtractorOptions {
  /** Name of a cookie that may carry the token. Default: cookies are not read. */
  cookie?: string;
  /** Accept the `access_token` query parameter (RFC 6750 §2.3, discouraged). Default `false`. */
  query?: boolean;
  /** Custom getter, one more source; a throw that is not a `JwtError` becomes a 400. */
  getToken?: (req: RequestView) => string | undefined | null | Promise<string | undefined | null>;
}

/**
 * A token found in a request and where it came from.
 *
 * @example
 * ```ts
 * const found: ExtractedToken = { token: 'eyJ...', source: 'header' };
 * ```
 */
export interface ExtractedToken {
  /** The compact token, not yet verified. */
  token: string;
  /** The one source that carried it. */
  source: TokenSource;
  /**
   * The `Authorization` scheme that carried it (source `header`), when the `dpop` option is on;
   * otherwise absent (the header is read for `Bearer` only).
   */
  scheme?: 'Bearer' | 'DPoP';
}

/**
 * Reads the one token of a request, or `undefined` when it carries none; rejects with
 * `ERR_JWT_INVALID_REQUEST` for an ambiguous or malformed request.
 *
 * @param req - the request view
 * @example
 * ```ts
 * const extract: TokenExtractor = createTokenExtractor({ cookie: 'access_token' });
 * ```
 */
export type TokenExtractor = (req: RequestView) => Promise<ExtractedToken | undefined>;

// RFC 6265 §4.1.1 cookie-name = token (RFC 9110 tchar).
const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

async function fromGetter(
  getToken: NonNullable<TokenExtractorOptions['getToken']>,
  req: RequestView,
): Promise<string | undefined> {
  let value: unknown;
  try {
    value = await getToken(req);
  } catch (err) {
    if (err instanceof JwtError) throw err;
    throw invalidRequest('The custom token getter failed', err);
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string')
    throw invalidRequest('The custom token getter returned a non-string');
  return value;
}

/**
 * Builds the token extraction step: exactly one source per request. A token in two sources,
 * duplicate `Authorization` headers, or a malformed header, cookie or parameter is
 * `ERR_JWT_INVALID_REQUEST` (400). Another auth scheme (`Basic ...`) counts as no token.
 *
 * @param options - the enabled sources
 * @example
 * ```ts
 * const extract = createTokenExtractor({ cookie: 'access_token' });
 * const found = await extract({ method: 'GET', url: '/', headers: { authorization: 'Bearer abc' }, secure: true });
 * found?.source; // 'header'
 * ```
 */
export function createTokenExtractor(options: TokenExtractorOptions = {}): TokenExtractor {
  const extractNow = createTokenExtractorNow(options);
  return (req) => asPromise(() => extractNow(req));
}

/**
 * Internal: an extractor that answers synchronously unless a custom getter has to be awaited,
 * and throws instead of rejecting.
 */
export type ExtractNow = (
  req: RequestView,
) => ExtractedToken | undefined | Promise<ExtractedToken | undefined>;

function createExtractNow(
  cookie: string | undefined,
  query: boolean,
  getToken: TokenExtractorOptions['getToken'],
  checkHeaderToken: boolean,
  dpop: boolean,
): ExtractNow {
  if (dpop) return createDpopExtractNow(cookie, query, getToken, checkHeaderToken);
  if (getToken === undefined) {
    return (req) =>
      onlyOne(
        readAuthorization(req, checkHeaderToken),
        cookie === undefined ? undefined : readCookie(req, cookie),
        query ? readQuery(req) : undefined,
        undefined,
      );
  }
  return async (req) => {
    const header = readAuthorization(req, checkHeaderToken);
    const fromCookie = cookie === undefined ? undefined : readCookie(req, cookie);
    const fromQuery = query ? readQuery(req) : undefined;
    return onlyOne(header, fromCookie, fromQuery, await fromGetter(getToken, req));
  };
}

// The same, with `Authorization: DPoP` read too and the scheme recorded.
function createDpopExtractNow(
  cookie: string | undefined,
  query: boolean,
  getToken: TokenExtractorOptions['getToken'],
  checkHeaderToken: boolean,
): ExtractNow {
  const withScheme = (
    header: ReturnType<typeof readAuthorizationWithDpop>,
    found: ExtractedToken | undefined,
  ): ExtractedToken | undefined =>
    header === undefined || found === undefined ? found : { ...found, scheme: header.scheme };
  return (req) => {
    const header = readAuthorizationWithDpop(req, checkHeaderToken);
    const fromCookie = cookie === undefined ? undefined : readCookie(req, cookie);
    const fromQuery = query ? readQuery(req) : undefined;
    if (getToken === undefined) {
      return withScheme(header, onlyOne(header?.token, fromCookie, fromQuery, undefined));
    }
    return fromGetter(getToken, req).then((custom) =>
      withScheme(header, onlyOne(header?.token, fromCookie, fromQuery, custom)),
    );
  };
}

/**
 * Internal: {@link createTokenExtractor} without the promise, for the authenticator's hot path.
 *
 * @param options - the same options
 * @param checkHeaderToken - `false`: a Bearer header's token is returned without its `b64token`
 *   check, which the caller then makes when the token is refused (see `createAuthenticator`)
 * @param dpop - read `Authorization: DPoP` too, and record the scheme (the `dpop` option is on)
 * @returns the synchronous-when-possible extractor
 * @example
 * ```ts
 * const found = createTokenExtractorNow({ cookie: 'access_token' })(view);
 * ```
 */
export function createTokenExtractorNow(
  options: TokenExtractorOptions = {},
  checkHeaderToken = true,
  dpop = false,
): ExtractNow {
  const { cookie, query = false, getToken } = options;
  if (cookie !== undefined && (typeof cookie !== 'string' || !COOKIE_NAME.test(cookie))) {
    configError('cookie', 'must be a cookie name (RFC 6265 token characters)');
  }
  if (typeof query !== 'boolean') configError('query', 'must be a boolean');
  if (getToken !== undefined && typeof getToken !== 'function') {
    configError('getToken', 'must be a function');
  }
  return createExtractNow(cookie, query, getToken, checkHeaderToken, dpop);
}

// RFC 6750 §2: clients MUST NOT use more than one method per request.
function onlyOne(
  header: string | undefined,
  cookie: string | undefined,
  query: string | undefined,
  custom: string | undefined,
): ExtractedToken | undefined {
  const count =
    Number(header !== undefined) +
    Number(cookie !== undefined) +
    Number(query !== undefined) +
    Number(custom !== undefined);
  if (count > 1) throw invalidRequest('The request carries tokens from more than one source');
  if (header !== undefined) return { token: header, source: 'header' };
  if (cookie !== undefined) return { token: cookie, source: 'cookie' };
  if (query !== undefined) return { token: query, source: 'query' };
  if (custom !== undefined) return { token: custom, source: 'custom' };
  return undefined;
}
