import { createRequestSlots, type AuthResult, type JwtClaims } from '@tokenward/core';

type Authenticated = Extract<AuthResult<JwtClaims>, { authenticated: true }>;

// `user` is readable on the request; the whole result is for `@Claims()` and `@AccessToken()`.
// On Express, accessors on the request prototype (see `createRequestSlots`): Express gives every
// request its own hidden class, and adding properties to it is costly.
const slots = createRequestSlots<'user' | 'result'>('@tokenward/nestjs', ['user']);

/** Stores a verified result for the request: the claims as `request.user`, the rest hidden. */
export function setAuthState(request: object, result: Authenticated): void {
  slots.set(request, { user: result.claims, result });
}

/** The verified result stored by `JwtGuard` (or the passport bridge), if any. */
export function getAuthState(request: unknown): Authenticated | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  return slots.get(request, 'result') as Authenticated | undefined;
}
