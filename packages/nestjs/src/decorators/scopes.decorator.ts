import { SCOPES_KEY } from '../lib/metadata-keys.js';
import { requirementDecorator, type RequirementOptions } from '../lib/requirement-decorator.js';

/**
 * Requires OAuth scopes on a route or controller, checked by `JwtGuard` right after
 * authentication. A failure is a 403 whose challenge names the required scopes
 * (`error="insufficient_scope", scope="…"`). Scopes are read from the claim locations configured
 * on the module (`scope` string and `scp` by default). When both the controller and the route
 * carry `@Scopes`, both requirements apply.
 *
 * @param scopes - every listed scope is required (all-of)
 * @example
 * ```ts
 * @Controller('orders')
 * @UseGuards(JwtGuard)
 * class OrdersController {
 *   @Scopes('orders:read')
 *   @Get()
 *   list() {}
 *
 *   @Scopes(['orders:write', 'orders:admin'], { mode: 'any' })
 *   @Post()
 *   create() {}
 * }
 * ```
 */
export function Scopes(...scopes: string[]): ClassDecorator & MethodDecorator;
/**
 * Requires scopes, all or any of them.
 *
 * @param scopes - the scopes
 * @param options - `{ mode: 'any' }` for any-of; default all-of
 */
export function Scopes(
  scopes: readonly string[],
  options?: RequirementOptions,
): ClassDecorator & MethodDecorator;
export function Scopes(...args: unknown[]): ClassDecorator & MethodDecorator {
  return requirementDecorator(SCOPES_KEY, 'scopes', 'Scopes', args);
}
