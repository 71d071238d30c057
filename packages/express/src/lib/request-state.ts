import { createRequestSlots } from '@tokenward/core';
import type { Request } from 'express';
import type { RequestContext } from './request-context.js';

// `auth` and `token` are readable on the request; `context` is for the route guards only.
const slots = createRequestSlots<'auth' | 'token' | 'context'>('@tokenward/express', [
  'auth',
  'token',
]);

/**
 * Puts the verified claims on `req.auth` and the token on `req.token` (accessors on the app's
 * request prototype, see `createRequestSlots`: Express gives every request its own hidden class,
 * and adding properties to it is costly).
 *
 * @param req - the request
 * @param auth - the verified claims
 * @param token - the raw token they came from
 */
export function publishAuth(req: Request, auth: unknown, token: string): void {
  slots.set(req, { auth, token });
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
 * Links a request to the `jwt()` middleware that handled it (kept beside its claims), when a
 * guard wants it.
 *
 * @param req - the request
 * @param context - that middleware's authenticator and failure delivery
 */
export function attachContext(req: Request, context: RequestContext): void {
  if (registry[WANTED] === true) slots.set(req, { context });
}

/**
 * The context `jwt()` left on a request, or `undefined` when no `jwt()` ran.
 *
 * @param req - the request
 */
export function keptContext(req: Request): RequestContext | undefined {
  return slots.get(req, 'context') as RequestContext | undefined;
}
