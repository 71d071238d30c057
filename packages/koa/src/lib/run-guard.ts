import { JwtError, type Authenticator, type JwtClaims } from '@tokenward/core';
import type { Context } from 'koa';
import { contextOf } from './request-context.js';

/** The check of one guard: throws (or rejects with) a `JwtError` to refuse the request. */
export type GuardCheck = (
  claims: JwtClaims,
  authenticator: Authenticator<JwtClaims>,
  ctx: Context,
) => void | Promise<void>;

/**
 * Runs a route guard after `jwt()`: an anonymous request is refused as unauthenticated (401), a
 * refused check is thrown the way `jwt()` throws its own failures. Returns when the request may
 * go on.
 *
 * @param name - the guard's name, for the message when no `jwt()` ran before it
 * @param check - the guard's own check
 * @param ctx - the context
 */
export async function runGuard(name: string, check: GuardCheck, ctx: Context): Promise<void> {
  const context = contextOf(ctx);
  if (context === undefined) {
    throw new JwtError('ERR_JWT_CONFIG_INVALID', `${name}() needs jwt() to run before it`);
  }
  const claims = (ctx.state as Record<string, unknown>)[context.stateKey] as JwtClaims | undefined;
  try {
    // Core answers an anonymous request (no claims) with ERR_JWT_MISSING, realm set.
    context.authenticator.authorize(claims, {});
    await check(claims as JwtClaims, context.authenticator, ctx);
  } catch (err) {
    context.fail(ctx, err);
  }
}
