import { parseRequirement } from '@tokenward/core';
import type { Context, Middleware, Next } from 'koa';
import { runGuard } from './lib/run-guard.js';
import type { RequirementOptions } from './types.js';

/**
 * Route middleware that requires roles, read from the claim locations the authenticator was
 * configured with. Place it after {@link jwt}. A missing role throws 403 `insufficient_scope`
 * with the required roles in the challenge's `scope`; an anonymous request throws 401.
 *
 * @param roles - one or more role names (all required), or an array followed by `{ mode }`
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` when no role is named
 * @example
 * ```ts
 * import Koa from 'koa';
 * import Router from '@koa/router';
 * import { jwt, requireRoles } from '@tokenward/koa';
 *
 * const app = new Koa();
 * const router = new Router();
 * router.get('/admin', requireRoles('admin'), (ctx) => { ctx.body = { ok: true }; });
 * router.get('/staff', requireRoles(['admin', 'editor'], { mode: 'any' }), (ctx) => {
 *   ctx.body = { ok: true };
 * });
 * app.use(jwt()).use(router.routes());
 * ```
 */
export function requireRoles(...roles: string[]): Middleware;
export function requireRoles(roles: string[], options: RequirementOptions): Middleware;
export function requireRoles(...args: unknown[]): Middleware {
  const requirement = parseRequirement('roles', args);
  return async function requireRolesMiddleware(ctx: Context, next: Next) {
    await runGuard('requireRoles', (claims, auth) => auth.authorize(claims, requirement), ctx);
    return next();
  };
}
