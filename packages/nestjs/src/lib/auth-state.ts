import type { AuthResult, JwtClaims } from '@tokenward/core';

// Process-wide key, so the ESM and CJS builds of this package read the same state.
const AUTH_STATE = Symbol.for('@tokenward/nestjs.auth');

type Authenticated = Extract<AuthResult<JwtClaims>, { authenticated: true }>;

/** Stores a verified result on the request: the claims as `request.user`, the rest hidden. */
export function setAuthState(
  request: Record<string | symbol, unknown>,
  result: Authenticated,
): void {
  request[AUTH_STATE] = result;
  request.user = result.claims;
}

/** The verified result stored by `JwtGuard` (or the passport bridge), if any. */
export function getAuthState(request: unknown): Authenticated | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  return (request as Record<symbol, Authenticated | undefined>)[AUTH_STATE];
}
