import type { Context } from 'koa';

/**
 * A path to skip: an exact pathname, a RegExp tested on the pathname, or either restricted to
 * some methods (`{ url: '/items', methods: ['GET'] }`).
 *
 * @example
 * ```ts
 * import type { UnlessPath } from '@tokenward/koa';
 *
 * const paths: UnlessPath[] = ['/health', /^\/public\//, { url: '/items', methods: ['GET'] }];
 * ```
 */
export type UnlessPath =
  | string
  | RegExp
  | { url: string | RegExp; methods?: string | string[]; method?: string | string[] };

/**
 * When `.unless()` skips the middleware; the request is skipped when ANY condition matches.
 * Names and meaning follow koa-unless. Pathnames are compared as received (no decoding, no
 * normalisation), so an unusual spelling is authenticated rather than skipped.
 *
 * @example
 * ```ts
 * import type { UnlessOptions } from '@tokenward/koa';
 *
 * const options: UnlessOptions = { path: ['/login'], method: 'OPTIONS' };
 * ```
 */
export interface UnlessOptions {
  /** Paths to skip. */
  path?: UnlessPath | UnlessPath[];
  /** Methods to skip on every path, e.g. `'OPTIONS'`. */
  method?: string | string[];
  /** Pathname endings to skip, e.g. `'.css'`. */
  ext?: string | string[];
  /** A custom test; `true` skips. */
  custom?: (ctx: Context) => boolean | Promise<boolean>;
  /** Match `ctx.originalUrl` (default `true`) rather than the mount-relative `ctx.url`. */
  useOriginalUrl?: boolean;
}
