import { SetMetadata } from '@nestjs/common';
import type { JwtClaims } from '@tokenward/core';
import { configError } from '@tokenward/core';
import { CLAIMS_PREDICATE_KEY } from '../lib/metadata-keys.js';

/**
 * A check over the verified claims: `true` admits the request.
 *
 * @example
 * ```ts
 * const sameTenant: ClaimsPredicate<{ tenant?: string }> = (claims, request) =>
 *   claims.tenant === (request as { params: { tenant: string } }).params.tenant;
 * ```
 */
export type ClaimsPredicate<T = JwtClaims> = (
  claims: T,
  request: unknown,
) => boolean | Promise<boolean>;

/**
 * Admits a request only when a predicate over its verified claims holds; checked by `JwtGuard`
 * after roles and scopes. `false` (anything but `true`) answers 403 `insufficient_scope`; an
 * anonymous request answers 401. A predicate that throws is a bug: Nest answers 500 and logs it.
 * When both the controller and the route carry one, both must hold.
 *
 * @typeParam T - the claims type the predicate reads
 * @param predicate - `(claims, request) => boolean`, sync or async
 * @example
 * ```ts
 * @Controller('beta')
 * @UseGuards(JwtGuard)
 * class BetaController {
 *   @RequireClaims<{ email_verified?: boolean }>((claims) => claims.email_verified === true)
 *   @Get()
 *   beta() {}
 * }
 * ```
 */
export function RequireClaims<T = JwtClaims>(
  predicate: ClaimsPredicate<T>,
): ClassDecorator & MethodDecorator {
  if (typeof predicate !== 'function')
    configError('RequireClaims', 'must be a function (claims, request) => boolean');
  return SetMetadata(CLAIMS_PREDICATE_KEY, predicate);
}
