import { checkOptionNames } from '../config/check-option-names.js';
import { configError } from '../errors/jwt-error.js';
import type { UnlessOptions, UnlessPath, UnlessTarget } from './unless-options.js';

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

// The pathname exactly as received: no decoding or normalisation, so only the spelling the
// app configured is skipped and anything else stays authenticated.
function pathnameOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function urlMatches(pattern: string | RegExp, pathname: string): boolean {
  if (typeof pattern === 'string') return pattern === pathname;
  pattern.lastIndex = 0;
  return pattern.test(pathname);
}

function pathMatches(path: UnlessPath, pathname: string, method: string): boolean {
  if (typeof path === 'string' || path instanceof RegExp) return urlMatches(path, pathname);
  const methods = list(path.methods ?? path.method);
  return urlMatches(path.url, pathname) && (methods.length === 0 || methods.includes(method));
}

async function matches<R extends UnlessTarget>(
  options: UnlessOptions<R>,
  request: R,
): Promise<boolean> {
  if (options.custom !== undefined && (await options.custom(request))) return true;
  const url = options.useOriginalUrl === false ? request.url : (request.originalUrl ?? request.url);
  const pathname = pathnameOf(url);
  if (list(options.path).some((path) => pathMatches(path, pathname, request.method))) return true;
  if (list(options.ext).some((ext) => pathname.endsWith(ext))) return true;
  return list(options.method).includes(request.method);
}

/** Every `.unless()` option (express-unless's names), declared once, next to where they are read. */
const UNLESS_OPTION_KEYS = ['path', 'ext', 'method', 'custom', 'useOriginalUrl'] as const;

/**
 * Builds the test behind an adapter's `.unless()`: whether a request is to skip the middleware
 * (any one condition is enough). A function is taken as the `custom` test. The options object is
 * read on every request, as express-unless does; a `custom` test that throws rejects.
 *
 * @typeParam R - the adapter's request (Express `Request`, Koa `Context`)
 * @param options - the `.unless()` options, or a custom test `(request) => boolean`
 * @returns `(request) => Promise<boolean>`, `true` to skip
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` when `options` is neither an object nor a function
 * @example
 * ```ts
 * import { createUnlessMatcher } from '@tokenward/core';
 *
 * const skip = createUnlessMatcher({ path: ['/health', /^\/public\//], method: 'OPTIONS' });
 * await skip({ method: 'GET', url: '/health?verbose=1' }); // true
 * await skip({ method: 'GET', url: '/me' }); // false
 * ```
 */
export function createUnlessMatcher<R extends UnlessTarget>(
  options: UnlessOptions<R> | ((request: R) => boolean | Promise<boolean>),
): (request: R) => Promise<boolean> {
  if (typeof options === 'function') {
    const custom = options;
    return (request) => matches({ custom }, request);
  }
  if (typeof options !== 'object' || options === null) {
    configError('unless', 'must be an options object or a function (request) => boolean');
  }
  checkOptionNames(options, UNLESS_OPTION_KEYS, '.unless()', {
    paths: 'use "path" (a string, RegExp, { url, methods } or an array of them)',
    methods: 'use "method"',
  });
  return (request) => matches(options, request);
}
