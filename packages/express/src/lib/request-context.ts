import type { Authenticator, JwtClaims } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';
import { keepContext } from './request-state.js';

/** Delivers a failure the way the `jwt()` that ran on this request was configured to. */
export type Fail = (err: unknown, req: Request, res: Response, next: NextFunction) => void;

/** What `jwt()` leaves on a request for the route guards that run after it. */
export interface RequestContext {
  readonly authenticator: Authenticator<JwtClaims>;
  readonly fail: Fail;
}

// Set once a guard (requireRoles, withAuth, ...) exists: only guards read the context, and
// keeping it costs a little on every request. Process-wide (Symbol.for), so that the ESM and CJS
// builds of this package agree.
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

/**
 * Links a request to the `jwt()` middleware that handled it, when a guard wants it.
 *
 * @param req - the request
 * @param context - that middleware's authenticator and failure delivery
 */
export function attachContext(req: Request, context: RequestContext): void {
  if (registry[WANTED] === true) keepContext(req, context);
}
