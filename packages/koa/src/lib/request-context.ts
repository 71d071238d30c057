import type { Authenticator, JwtClaims } from '@tokenward/core';
import type { Context } from 'koa';

/** What `jwt()` leaves on a context for the route guards that run after it. */
export interface RequestContext {
  readonly authenticator: Authenticator<JwtClaims>;
  /** The `ctx.state` property holding the claims. */
  readonly stateKey: string;
  /** Throws the failure, preparing the JSON answer when so configured. */
  readonly fail: (ctx: Context, err: unknown) => never;
}

// Symbol.for: the ESM and CJS builds of this package must see the same property.
const CONTEXT = Symbol.for('@tokenward/koa.context');

/**
 * Links a context to the `jwt()` middleware that handled it.
 *
 * @param ctx - the context
 * @param context - that middleware's authenticator and settings
 */
export function attachContext(ctx: Context, context: RequestContext): void {
  // A plain symbol-keyed property: cheap on the hot path, invisible to JSON and for-in.
  (ctx as unknown as Record<symbol, RequestContext>)[CONTEXT] = context;
}

/**
 * The context `jwt()` left, or `undefined` when no `jwt()` ran.
 *
 * @param ctx - the context
 */
export function contextOf(ctx: Context): RequestContext | undefined {
  return (ctx as unknown as Record<symbol, RequestContext | undefined>)[CONTEXT];
}
