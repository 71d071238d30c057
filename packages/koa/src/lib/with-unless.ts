import type { Context, Middleware, Next } from 'koa';
import type { UnlessMiddleware } from '../types.js';
import type { UnlessOptions } from '../unless-options.js';
import { matchesUnless } from './match-unless.js';
import { configError } from '@tokenward/core';

function normalise(options: unknown): UnlessOptions {
  if (typeof options === 'function') return { custom: options as UnlessOptions['custom'] };
  if (typeof options !== 'object' || options === null) {
    configError('unless', 'must be an options object or a function (ctx) => boolean');
  }
  return options as UnlessOptions;
}

/**
 * Gives a middleware a koa-unless style `.unless()` method.
 *
 * @param middleware - the middleware to extend
 */
export function withUnless<S>(middleware: Middleware<S>): UnlessMiddleware<S> {
  const extended = middleware as UnlessMiddleware<S>;
  extended.unless = function unless(options) {
    const opts = normalise(options);
    const inner = middleware as unknown as (ctx: Context, next: Next) => Promise<unknown>;
    async function unlessMiddleware(ctx: Context, next: Next): Promise<unknown> {
      if (await matchesUnless(opts, ctx)) return next();
      return inner(ctx, next);
    }
    return withUnless<S>(unlessMiddleware as unknown as Middleware<S>);
  };
  return extended;
}
