import { parseRequirement } from '@tokenward/core';
import type { Context, Middleware, Next } from 'koa';
import { runGuard } from './lib/run-guard.js';
import type { RequirementOptions } from './types.js';

/**
 * Route middleware that requires OAuth scopes, read from the claim locations the authenticator
 * was configured with (by default the space-delimited `scope` claim, or `scp`). Place it after
 * {@link jwt}. A missing scope throws 403 `insufficient_scope` with the required scopes in the
 * challenge's `scope`; an anonymous request throws 401.
 *
 * @param scopes - one or more scope names (all required), or an array followed by `{ mode }`
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` when no scope is named
 * @example
 * ```ts
 * import Koa from 'koa';
 * import Router from '@koa/router';
 * import { jwt, requireScopes } from '@tokenward/koa';
 *
 * const app = new Koa();
 * const router = new Router();
 * router.get('/reports', requireScopes('read:reports'), (ctx) => { ctx.body = { ok: true }; });
 * app.use(jwt()).use(router.routes());
 * ```
 */
export function requireScopes(...scopes: string[]): Middleware;
export function requireScopes(scopes: string[], options: RequirementOptions): Middleware;
export function requireScopes(...args: unknown[]): Middleware {
  const requirement = parseRequirement('scopes', args);
  return async function requireScopesMiddleware(ctx: Context, next: Next) {
    await runGuard('requireScopes', (claims, auth) => auth.authorize(claims, requirement), ctx);
    return next();
  };
}
