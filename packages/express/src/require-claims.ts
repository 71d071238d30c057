import { configError, type JwtClaims } from '@tokenward/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { wantContext } from './lib/request-state.js';
import { runGuard, type GuardCheck } from './lib/run-guard.js';

/**
 * Route middleware that admits a request only when a predicate over its verified claims holds.
 * Place it after {@link jwt}. `false` answers 403 `insufficient_scope`; an anonymous request
 * answers 401. A predicate that throws is a bug and goes to `next(err)`.
 *
 * @typeParam T - the claims type the predicate reads
 * @param predicate - `(claims, req) => boolean`, sync or async
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` when `predicate` is not a function
 * @example
 * ```ts
 * import express from 'express';
 * import { jwt, requireClaims } from '@tokenward/express';
 *
 * const app = express();
 * app.use(jwt());
 * app.get(
 *   '/beta',
 *   requireClaims<{ email_verified?: boolean }>((claims) => claims.email_verified === true),
 *   (_req, res) => { res.json({ ok: true }); },
 * );
 * ```
 */
export function requireClaims<T = JwtClaims>(
  predicate: (claims: T, req: Request) => boolean | Promise<boolean>,
): RequestHandler {
  if (typeof predicate !== 'function')
    configError('predicate', 'must be a function (claims, req) => boolean');
  wantContext();
  return async function requireClaimsMiddleware(req: Request, res: Response, next: NextFunction) {
    const check: GuardCheck = async (claims, authenticator) => {
      if ((await predicate(claims as T, req)) !== true) authenticator.refuse();
    };
    if (await runGuard('requireClaims', check, req, res, next)) next();
  };
}
