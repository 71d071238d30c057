import { configError, type JwtClaims } from '@tokenward/core';
import type { Context, Middleware, Next } from 'koa';
import { runGuard } from './lib/run-guard.js';

/**
 * Route middleware that admits a request only when a predicate over its verified claims holds.
 * Place it after {@link jwt}. `false` throws 403 `insufficient_scope`; an anonymous request
 * throws 401. A predicate that throws is a bug and its error propagates as is.
 *
 * @typeParam T - the claims type the predicate reads
 * @param predicate - `(claims, ctx) => boolean`, sync or async
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` when `predicate` is not a function
 * @example
 * ```ts
 * import Koa from 'koa';
 * import Router from '@koa/router';
 * import { jwt, requireClaims } from '@tokenward/koa';
 *
 * const app = new Koa();
 * const router = new Router();
 * const verified = requireClaims<{ email_verified?: boolean }>((c) => c.email_verified === true);
 * router.get('/beta', verified, (ctx) => { ctx.body = { ok: true }; });
 * app.use(jwt()).use(router.routes());
 * ```
 */
export function requireClaims<T = JwtClaims>(
  predicate: (claims: T, ctx: Context) => boolean | Promise<boolean>,
): Middleware {
  if (typeof predicate !== 'function') {
    configError('predicate', 'must be a function (claims, ctx) => boolean');
  }
  return async function requireClaimsMiddleware(ctx: Context, next: Next) {
    await runGuard(
      'requireClaims',
      async (claims, authenticator) => {
        if ((await predicate(claims as T, ctx)) !== true) authenticator.refuse();
      },
      ctx,
    );
    return next();
  };
}
