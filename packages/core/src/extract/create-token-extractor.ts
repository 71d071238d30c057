import type { TokenSource } from '../auth/authenticator-types.js';
import type { RequestView } from '../auth/request-view.js';
import { checkOptionNames } from '../config/check-option-names.js';
import { configError } from '../errors/jwt-error.js';
import { invalidRequest } from '../lib/invalid-request.js';
import { asPromise } from '../lib/as-promise.js';
import { readAuthorization, readAuthorizationWithDpop } from './read-authorization.js';
import { readCookie } from './read-cookie.js';
import { readCustom } from './read-custom.js';
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
  /**
   * Custom getter, one more source (see {@link CustomToken}). A thrown `JwtError` answers the
   * request; anything else (a bug) is passed on unchanged to the framework's error path (500).
   */
  getToken?: (req: RequestView) => CustomToken | Promise<CustomToken>;
}

/**
 * What a custom `getToken` returns: the token, `{ token, source }` to say where it read it, or
 * `undefined`, `null` or `''` for "no token here". A token from `source: 'cookie'`, or one that the
 * request's `Cookie` header carries whatever the getter says, counts as cookie-borne and gets the
 * CSRF check (see docs/cookies-and-csrf.md).
 *
 * @example
 * ```ts
 * const getToken = (req: RequestView): CustomToken => {
 *   const found = /(?:^|;\s*)session=([^;]+)/.exec(String(req.headers.cookie ?? ''));
 *   return found?.[1] === undefined ? undefined : { token: found[1], source: 'cookie' };
 * };
 * ```
 */
export type CustomToken =
  string | { readonly token: string; readonly source: 'cookie' | 'custom' } | undefined | null;

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

/** Every option of `createTokenExtractor`, declared once. */
const EXTRACTOR_OPTION_KEYS = ['cookie', 'query', 'getToken'] as const;

// RFC 6265 §4.1.1 cookie-name = token (RFC 9110 tchar).
const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

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
  checkOptionNames(options, EXTRACTOR_OPTION_KEYS, 'createTokenExtractor()');
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
    return onlyOne(header, fromCookie, fromQuery, await readCustom(getToken, req));
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
    header === undefined || found === undefined
      ? found
      : { token: found.token, source: found.source, scheme: header.scheme };
  return (req) => {
    const header = readAuthorizationWithDpop(req, checkHeaderToken);
    const fromCookie = cookie === undefined ? undefined : readCookie(req, cookie);
    const fromQuery = query ? readQuery(req) : undefined;
    if (getToken === undefined) {
      return withScheme(header, onlyOne(header?.token, fromCookie, fromQuery, undefined));
    }
    return readCustom(getToken, req).then((custom) =>
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
  custom: ExtractedToken | undefined,
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
  return custom;
}
