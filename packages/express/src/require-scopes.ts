import { parseRequirement } from '@tokenward/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RequirementOptions } from './types.js';
import { wantContext } from './lib/request-state.js';
import { runGuard } from './lib/run-guard.js';

/**
 * Route middleware that requires OAuth scopes, read from the claim locations the authenticator
 * was configured with (by default the space-delimited `scope` claim). Place it after
 * {@link jwt}. A missing scope answers 403 `insufficient_scope` with the required scopes in the
 * challenge's `scope`; an anonymous request answers 401.
 *
 * @param scopes - one or more scope names (all required), or an array followed by `{ mode }`
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` when no scope is named
 * @example
 * ```ts
 * import express from 'express';
 * import { jwt, requireScopes } from '@tokenward/express';
 *
 * const app = express();
 * app.use(jwt());
 * app.get('/reports', requireScopes('read:reports'), (_req, res) => { res.json({ ok: true }); });
 * app.get('/export', requireScopes(['export:csv', 'export:all'], { mode: 'any' }), (_req, res) => {
 *   res.json({ ok: true });
 * });
 * ```
 */
export function requireScopes(...scopes: string[]): RequestHandler;
export function requireScopes(scopes: string[], options: RequirementOptions): RequestHandler;
export function requireScopes(...args: unknown[]): RequestHandler {
  const requirement = parseRequirement('scopes', args);
  wantContext();
  return async function requireScopesMiddleware(req: Request, res: Response, next: NextFunction) {
    if (await runGuard('requireScopes', (c, a) => a.authorize(c, requirement), req, res, next)) {
      next();
    }
  };
}
