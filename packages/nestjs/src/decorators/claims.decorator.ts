import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { JwtClaims } from '@tokenward/core';
import { getAuthState } from '../lib/auth-state.js';
import { requestFromContext } from '../contexts/transports.js';

const claimsParam = createParamDecorator((name: string | undefined, context: ExecutionContext) => {
  const claims = getAuthState(requestFromContext(context))?.claims as
    Record<string, unknown> | undefined;
  if (name === undefined) return claims;
  return claims !== undefined && Object.hasOwn(claims, name) ? claims[name] : undefined;
});

/**
 * Injects the verified JWT payload (a null-prototype object) of the current request, as set by
 * `JwtGuard` or the passport bridge. `undefined` for anonymous requests on `@OptionalAuth()`
 * routes and on `@Public()` routes. Annotate the parameter with your claims type; the generic
 * documents it at the call site.
 *
 * @typeParam T - the shape of your token's claims
 * @example
 * ```ts
 * interface AppClaims extends JwtClaims {
 *   roles: string[];
 * }
 *
 * @Controller()
 * @UseGuards(JwtGuard)
 * class MeController {
 *   @Get('me')
 *   me(@Claims<AppClaims>() claims: AppClaims) {
 *     return { sub: claims.sub, roles: claims.roles };
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function Claims<T extends object = JwtClaims>(): ParameterDecorator {
  return claimsParam();
}

/**
 * Injects one claim of the verified payload, e.g. `@Claim('sub')`. `undefined` when the claim is
 * absent or the request is anonymous. The name is checked against `T` when a type is given.
 *
 * @typeParam T - the shape of your token's claims
 * @param name - the claim name
 * @example
 * ```ts
 * @Controller()
 * @UseGuards(JwtGuard)
 * class ProfileController {
 *   @Get('profile')
 *   profile(@Claim('sub') userId: string) {
 *     return { userId };
 *   }
 * }
 * ```
 */
export function Claim<T extends object = JwtClaims>(name: keyof T & string): ParameterDecorator {
  return claimsParam(name);
}
