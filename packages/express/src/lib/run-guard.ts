import { JwtError, type Authenticator, type JwtClaims } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';
import type { AuthRequest } from '../types.js';
import { keptContext } from './request-state.js';

/** The check of one guard: throws (or rejects with) a `JwtError` to refuse the request. */
export type GuardCheck = (
  claims: JwtClaims,
  authenticator: Authenticator<JwtClaims>,
  req: Request,
) => void | Promise<void>;

/**
 * Runs a route guard after `jwt()`: an anonymous request is refused as unauthenticated (401), a
 * refused check goes to the failure delivery `jwt()` was configured with. Resolves `true` when
 * the request may go on.
 *
 * @param name - the guard's name, for the message when no `jwt()` ran before it
 * @param check - the guard's own check
 */
export async function runGuard(
  name: string,
  check: GuardCheck | undefined,
  req: Request,
  res: Response,
  next: NextFunction,
): Promise<boolean> {
  const context = keptContext(req);
  if (context === undefined) {
    next(new JwtError('ERR_JWT_CONFIG_INVALID', `${name}() needs jwt() to run before it`));
    return false;
  }
  const claims = (req as AuthRequest).auth;
  try {
    // Core answers an anonymous request (no claims) with ERR_JWT_MISSING, realm set.
    context.authenticator.authorize(claims, {});
    await check?.(claims as JwtClaims, context.authenticator, req);
  } catch (err) {
    context.fail(err, req, res, next);
    return false;
  }
  return true;
}
