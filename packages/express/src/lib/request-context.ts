import type { Authenticator, JwtClaims } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';

/** Delivers a failure the way the `jwt()` that ran on this request was configured to. */
export type Fail = (err: unknown, req: Request, res: Response, next: NextFunction) => void;

/** What `jwt()` leaves on a request for the route guards that run after it. */
export interface RequestContext {
  readonly authenticator: Authenticator<JwtClaims>;
  readonly fail: Fail;
}

// Symbol.for: the ESM and CJS builds of this package must see the same property.
const CONTEXT = Symbol.for('@tokenward/express.context');

/**
 * Links a request to the `jwt()` middleware that handled it.
 *
 * @param req - the request
 * @param context - that middleware's authenticator and failure delivery
 */
// Set once a guard (requireRoles, withAuth, ...) exists: only guards read the context, and a
// property added to an Express request is not free. Global, for the same reason as CONTEXT.
const WANTED = Symbol.for('@tokenward/express.contextWanted');
const registry = globalThis as unknown as Record<symbol, boolean | undefined>;

/**
 * Tells every `jwt()` to leave its context on the requests it authenticates: called by each
 * route guard when it is created.
 *
 * @example
 * ```ts
 * wantContext();
 * ```
 */
export function wantContext(): void {
  registry[WANTED] = true;
}

export function attachContext(req: Request, context: RequestContext): void {
  // A plain symbol-keyed property: invisible to JSON and for-in.
  if (registry[WANTED] === true)
    (req as unknown as Record<symbol, RequestContext>)[CONTEXT] = context;
}

/**
 * The context `jwt()` left on a request, or `undefined` when no `jwt()` ran.
 *
 * @param req - the request
 */
export function contextOf(req: Request): RequestContext | undefined {
  return (req as unknown as Record<symbol, RequestContext | undefined>)[CONTEXT];
}
