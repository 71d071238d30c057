import type { Request } from 'express';
import type { UnlessOptions, UnlessPath } from '../unless-options.js';

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

/**
 * Whether `.unless()` options say to skip this request (any one condition is enough).
 *
 * @param options - the `.unless()` options
 * @param req - the request
 */
export async function matchesUnless(options: UnlessOptions, req: Request): Promise<boolean> {
  if (options.custom !== undefined && (await options.custom(req))) return true;
  const url = options.useOriginalUrl === false ? req.url : (req.originalUrl ?? req.url);
  const pathname = pathnameOf(url);
  if (list(options.path).some((path) => pathMatches(path, pathname, req.method))) return true;
  if (list(options.ext).some((ext) => pathname.endsWith(ext))) return true;
  return list(options.method).includes(req.method);
}
