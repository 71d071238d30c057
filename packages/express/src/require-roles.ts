import { parseRequirement } from '@tokenward/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RequirementOptions } from './types.js';
import { wantContext } from './lib/request-state.js';
import { runGuard } from './lib/run-guard.js';

/**
 * Route middleware that requires roles, read from the claim locations the authenticator was
 * configured with. Place it after {@link jwt}. A missing role answers 403 `insufficient_scope`
 * with the required roles in the challenge's `scope`; an anonymous request answers 401.
 *
 * @param roles - one or more role names (all required), or an array followed by `{ mode }`
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` when no role is named
 * @example
 * ```ts
 * import express from 'express';
 * import { jwt, requireRoles } from '@tokenward/express';
 *
 * const app = express();
 * app.use(jwt());
 * app.get('/admin', requireRoles('admin'), (_req, res) => { res.json({ ok: true }); });
 * app.get('/staff', requireRoles(['admin', 'editor'], { mode: 'any' }), (_req, res) => {
 *   res.json({ ok: true });
 * });
 * ```
 */
export function requireRoles(...roles: string[]): RequestHandler;
export function requireRoles(roles: string[], options: RequirementOptions): RequestHandler;
export function requireRoles(...args: unknown[]): RequestHandler {
  const requirement = parseRequirement('roles', args);
  wantContext();
  return async function requireRolesMiddleware(req: Request, res: Response, next: NextFunction) {
    if (await runGuard('requireRoles', (c, a) => a.authorize(c, requirement), req, res, next)) {
      next();
    }
  };
}
