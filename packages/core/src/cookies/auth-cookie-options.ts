import { checkOptionNames } from '../config/check-option-names.js';
import { configError } from '../errors/jwt-error.js';

/**
 * Attributes of the token cookie. Every default is the strict one.
 *
 * @example
 * ```ts
 * const options: AuthCookieOptions = { name: '__Host-access_token' };
 * ```
 */
export interface AuthCookieOptions {
  /** Cookie name. Default `access_token`; `__Host-access_token` is the safest choice. */
  name?: string;
  /** `Path`. Default `/`. */
  path?: string;
  /** `Domain`. Default: none (host-only cookie, the safe choice). */
  domain?: string;
  /** `Secure`. Default `true`; `false` only for plain-HTTP development on localhost. */
  secure?: boolean;
  /**
   * `HttpOnly`. Default `true`. Only the boolean `false` turns it off (scripts could then read the
   * token); any other non-boolean value is refused.
   */
  httpOnly?: boolean;
  /** `SameSite`. Default `Strict`; `None` requires `Secure`. */
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** `Max-Age` in seconds. Default: until the token's `exp` (a session cookie without `exp`). */
  maxAge?: number;
  /** Current time in milliseconds since the epoch, for `Max-Age`. Default `Date.now`. */
  clock?: () => number;
}

/** Every cookie option, declared once, next to where they are read. */
const COOKIE_OPTION_KEYS = [
  'name',
  'path',
  'domain',
  'secure',
  'httpOnly',
  'sameSite',
  'maxAge',
  'clock',
] as const;
// The `cookie` package's / Express res.cookie's names.
const COOKIE_HINTS: Readonly<Record<string, string>> = {
  expires: 'use "maxAge" (seconds)',
  signed: 'a JWT is signed already; cookies are not signed again',
  partitioned: 'not supported',
  priority: 'not supported',
};

/** Options after validation. */
export interface CheckedCookieOptions {
  readonly name: string;
  readonly attributes: string;
  readonly maxAge: number | undefined;
  readonly clock: () => number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PATH = /^\/[\x21-\x3a\x3c-\x7e]*$/;
const DOMAIN = /^\.?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const SAME_SITE: Readonly<Record<string, 'Strict' | 'Lax' | 'None' | undefined>> = {
  strict: 'Strict',
  lax: 'Lax',
  none: 'None',
};

function bool(value: unknown, fallback: boolean, option: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') configError(option, 'must be a boolean');
  return value;
}

/**
 * Validates cookie options (names the option on failure) and renders the fixed attributes.
 *
 * @param options - the cookie options
 */
export function checkCookieOptions(options: AuthCookieOptions = {}): CheckedCookieOptions {
  checkOptionNames(options, COOKIE_OPTION_KEYS, 'serializeAuthCookie()', COOKIE_HINTS);
  const { name = 'access_token', path = '/', domain, maxAge, clock = Date.now } = options;
  if (typeof name !== 'string' || !TOKEN.test(name)) configError('name', 'must be a cookie name');
  if (typeof path !== 'string' || !PATH.test(path)) configError('path', 'must be a path');
  if (domain !== undefined && (typeof domain !== 'string' || !DOMAIN.test(domain))) {
    configError('domain', 'must be a domain name');
  }
  const secure = bool(options.secure, true, 'secure');
  const httpOnly = bool(options.httpOnly, true, 'httpOnly');
  const sameSite = Object.hasOwn(SAME_SITE, String(options.sameSite ?? 'strict').toLowerCase())
    ? SAME_SITE[String(options.sameSite ?? 'strict').toLowerCase()]
    : undefined;
  if (sameSite === undefined) configError('sameSite', 'must be "Strict", "Lax" or "None"');
  if (sameSite === 'None' && !secure) configError('sameSite', '"None" requires secure: true');
  const prefix = name.toLowerCase();
  if ((prefix.startsWith('__secure-') || prefix.startsWith('__host-')) && !secure) {
    configError('secure', 'a __Secure- or __Host- cookie must be Secure');
  }
  if (prefix.startsWith('__host-') && (path !== '/' || domain !== undefined)) {
    configError('name', 'a __Host- cookie needs path "/" and no domain');
  }
  if (maxAge !== undefined && !(Number.isSafeInteger(maxAge) && maxAge >= 0)) {
    configError('maxAge', 'must be a non-negative integer number of seconds');
  }
  if (typeof clock !== 'function') configError('clock', 'must be a function');
  const attributes = [
    `Path=${path}`,
    ...(domain === undefined ? [] : [`Domain=${domain}`]),
    ...(httpOnly ? ['HttpOnly'] : []),
    ...(secure ? ['Secure'] : []),
    `SameSite=${sameSite}`,
  ].join('; ');
  return { name, attributes, maxAge, clock };
}
