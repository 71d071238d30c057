import { createRequestSlots, type AuthResult, type JwtClaims } from '@tokenward/core';

type Authenticated = Extract<AuthResult<JwtClaims>, { authenticated: true }>;

// `user` is readable on the request; the whole result is for `@Claims()` and `@AccessToken()`.
// On Express, accessors on the request prototype (see `createRequestSlots`): Express gives every
// request its own hidden class, and adding properties to it is costly.
const slots = createRequestSlots<'user' | 'result'>('@tokenward/nestjs', ['user']);

/**
 * Stores a verified result for the request: the claims as `request.user`, the rest hidden, with
 * the identity of what verified it (a `JwtAuthService`, the passport strategy's authenticator).
 */
export function setAuthState(request: object, result: Authenticated, owner: object): void {
  slots.set(request, { user: result.claims, result }, owner);
}

/**
 * The verified result stored by `JwtGuard` (or the passport bridge), if any. With `owner`, only a
 * result that owner produced: a guard reuses its own module's result, never another one's.
 */
export function getAuthState(request: unknown, owner?: object): Authenticated | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  return slots.get(request, 'result', owner) as Authenticated | undefined;
}
