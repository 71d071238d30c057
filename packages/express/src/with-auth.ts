import type { JwtClaims } from '@tokenward/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { wantContext } from './lib/request-state.js';
import { runGuard } from './lib/run-guard.js';
import type { AuthenticatedRequest } from './types.js';

/**
 * Wraps a route handler that needs an authenticated request: inside it, `req.auth` has the claims
 * type you name and is never `undefined`. An anonymous request (optional authentication, a route
 * left out with `.unless()`) is answered 401 instead of reaching the handler. Place it after
 * {@link jwt}. A rejected promise from the handler goes to `next(err)` on Express 4 as well.
 *
 * @typeParam T - the claims type of this route
 * @param handler - the route handler
 * @example
 * ```ts
 * import express from 'express';
 * import { jwt, withAuth } from '@tokenward/express';
 *
 * interface Claims { sub: string; roles: string[] }
 * const app = express();
 * app.get('/me', jwt(), withAuth<Claims>((req, res) => {
 *   res.json({ id: req.auth.sub, roles: req.auth.roles });
 * }));
 * ```
 */
export function withAuth<T = JwtClaims>(
  handler: (req: AuthenticatedRequest<T>, res: Response, next: NextFunction) => unknown,
): RequestHandler {
  wantContext();
  return async function withAuthMiddleware(req: Request, res: Response, next: NextFunction) {
    if (!(await runGuard('withAuth', undefined, req, res, next))) return;
    try {
      await handler(req as unknown as AuthenticatedRequest<T>, res, next);
    } catch (err) {
      next(err);
    }
  };
}
