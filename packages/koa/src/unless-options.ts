import type {
  UnlessOptions as CoreUnlessOptions,
  UnlessPath as CoreUnlessPath,
} from '@tokenward/core';
import type { Context } from 'koa';

/**
 * A path to skip: an exact pathname, a RegExp tested on the pathname, or either restricted to
 * some methods. The same type as `UnlessPath` of `@tokenward/core`.
 *
 * @example
 * ```ts
 * import type { UnlessPath } from '@tokenward/koa';
 *
 * const paths: UnlessPath[] = ['/health', /^\/public\//, { url: '/items', methods: ['GET'] }];
 * ```
 */
export type UnlessPath = CoreUnlessPath;

/**
 * When `.unless()` skips the middleware (any one condition is enough), as in koa-unless: core's
 * `UnlessOptions` with a `custom` test that receives the Koa context. `useOriginalUrl` (default
 * `true`) matches `ctx.originalUrl` rather than the mount-relative `ctx.url`.
 *
 * @example
 * ```ts
 * import type { UnlessOptions } from '@tokenward/koa';
 *
 * const options: UnlessOptions = { path: ['/login'], method: 'OPTIONS' };
 * ```
 */
export type UnlessOptions = CoreUnlessOptions<Context>;
