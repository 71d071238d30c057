import type {
  UnlessOptions as CoreUnlessOptions,
  UnlessPath as CoreUnlessPath,
} from '@tokenward/core';
import type { Request } from 'express';

/**
 * A path to skip: an exact pathname, a RegExp tested on the pathname, or either restricted to
 * some methods. The same type as `UnlessPath` of `@tokenward/core`.
 *
 * @example
 * ```ts
 * import type { UnlessPath } from '@tokenward/express';
 *
 * const paths: UnlessPath[] = ['/health', /^\/public\//, { url: '/items', methods: ['GET'] }];
 * ```
 */
export type UnlessPath = CoreUnlessPath;

/**
 * When `.unless()` skips the middleware (any one condition is enough), as in express-unless:
 * core's `UnlessOptions` with a `custom` test that receives the Express request. `useOriginalUrl`
 * (default `true`) matches `req.originalUrl` rather than the mount-relative `req.url`.
 *
 * @example
 * ```ts
 * import type { UnlessOptions } from '@tokenward/express';
 *
 * const options: UnlessOptions = { path: ['/login'], method: 'OPTIONS' };
 * ```
 */
export type UnlessOptions = CoreUnlessOptions<Request>;
