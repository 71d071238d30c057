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
 * The claim names `@Claim<T>(name)` accepts: the keys `T` declares, without the index signature
 * of `JwtClaims` (so that `@Claim<AppClaims>('tenat')` is a compile error); any string when no
 * type is given.
 *
 * @typeParam T - the shape of your token's claims
 * @example
 * ```ts
 * interface AppClaims extends JwtClaims {
 *   tenant: string;
 * }
 * const name: ClaimName<AppClaims> = 'tenant'; // 'tenat' does not compile
 * ```
 */
export type ClaimName<T> = [T] extends [never]
  ? string
  : keyof {
      [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
    } &
      string;

/**
 * Injects one claim of the verified payload, e.g. `@Claim('sub')`. `undefined` when the claim is
 * absent or the request is anonymous. With a claims type (`@Claim<AppClaims>('tenant')`), the
 * name must be one that type declares.
 *
 * @typeParam T - the shape of your token's claims
 * @param name - the claim name
 * @example
 * ```ts
 * interface AppClaims extends JwtClaims {
 *   tenant: string;
 * }
 *
 * @Controller()
 * @UseGuards(JwtGuard)
 * class ProfileController {
 *   @Get('profile')
 *   profile(@Claim('sub') userId: string, @Claim<AppClaims>('tenant') tenant: string) {
 *     return { userId, tenant };
 *   }
 * }
 * ```
 */
export function Claim<T extends object = never>(name: ClaimName<T>): ParameterDecorator {
  return claimsParam(name);
}
