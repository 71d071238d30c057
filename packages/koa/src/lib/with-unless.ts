import { createUnlessMatcher } from '@tokenward/core';
import type { Context, Middleware, Next } from 'koa';
import type { UnlessMiddleware } from '../types.js';

/**
 * Gives a middleware a koa-unless style `.unless()` method.
 *
 * @param middleware - the middleware to extend
 */
export function withUnless<S>(middleware: Middleware<S>): UnlessMiddleware<S> {
  const extended = middleware as UnlessMiddleware<S>;
  extended.unless = function unless(options) {
    const skips = createUnlessMatcher<Context>(options);
    const inner = middleware as unknown as (ctx: Context, next: Next) => Promise<unknown>;
    async function unlessMiddleware(ctx: Context, next: Next): Promise<unknown> {
      if (await skips(ctx)) return next();
      return inner(ctx, next);
    }
    return withUnless<S>(unlessMiddleware as unknown as Middleware<S>);
  };
  return extended;
}
