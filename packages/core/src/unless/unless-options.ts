/**
 * A path to skip: an exact pathname, a RegExp tested on the pathname, or either restricted to
 * some methods (`{ url: '/items', methods: ['GET'] }`).
 *
 * @example
 * ```ts
 * import type { UnlessPath } from '@tokenward/core';
 *
 * const paths: UnlessPath[] = ['/health', /^\/public\//, { url: '/items', methods: ['GET'] }];
 * ```
 */
export type UnlessPath =
  | string
  | RegExp
  | { url: string | RegExp; methods?: string | string[]; method?: string | string[] };

/**
 * When an adapter's `.unless()` skips its middleware; the request is skipped when ANY condition
 * matches. Names and meaning follow express-unless and koa-unless. Pathnames are compared as
 * received (no decoding, no normalisation), so an unusual spelling is authenticated rather than
 * skipped.
 *
 * @typeParam R - the request type the `custom` test receives (Express `Request`, Koa `Context`)
 * @example
 * ```ts
 * import type { UnlessOptions } from '@tokenward/core';
 *
 * const options: UnlessOptions<{ method: string }> = {
 *   path: ['/login', { url: /^\/docs\//, methods: 'GET' }],
 *   method: 'OPTIONS',
 *   ext: '.css',
 *   custom: (request) => request.method === 'HEAD',
 * };
 * ```
 */
export interface UnlessOptions<R = unknown> {
  /** Paths to skip. */
  path?: UnlessPath | UnlessPath[];
  /** Methods to skip on every path, e.g. `'OPTIONS'`. */
  method?: string | string[];
  /** Pathname endings to skip, e.g. `'.css'`. */
  ext?: string | string[];
  /** A custom test; `true` skips. */
  custom?: (request: R) => boolean | Promise<boolean>;
  /** Match the request's `originalUrl` (default `true`) rather than the mount-relative `url`. */
  useOriginalUrl?: boolean;
}

/**
 * What `.unless()` matching reads from a request: its method and its URL as received. Express
 * requests and Koa contexts have this shape.
 *
 * @example
 * ```ts
 * import type { UnlessTarget } from '@tokenward/core';
 *
 * const target: UnlessTarget = { method: 'GET', url: '/status', originalUrl: '/api/status' };
 * ```
 */
export interface UnlessTarget {
  /** The request method, upper case as received (`GET`). */
  readonly method: string;
  /** The URL relative to where the middleware is mounted (path and query). */
  readonly url: string;
  /** The URL before any mounting rewrote `url`; `url` is used when absent. */
  readonly originalUrl?: string;
}
