import { ROLES_KEY } from '../lib/metadata-keys.js';
import { requirementDecorator, type RequirementOptions } from '../lib/requirement-decorator.js';

/**
 * Requires roles on a route or controller. `JwtGuard` checks them right after authenticating, in
 * the same guard, so no guard order can skip them. A failure is a 403 with
 * `WWW-Authenticate: Bearer error="insufficient_scope"`. Roles are read from the claim locations
 * configured on the module (`roles` by default). When both the controller and the route carry
 * `@Roles`, both requirements apply.
 *
 * @param roles - every listed role is required (all-of)
 * @example
 * ```ts
 * @Controller('admin')
 * @UseGuards(JwtGuard)
 * class AdminController {
 *   @Roles('admin')
 *   @Get()
 *   dashboard() {}
 *
 *   @Roles(['editor', 'admin'], { mode: 'any' })
 *   @Get('posts')
 *   posts() {}
 * }
 * ```
 */
export function Roles(...roles: string[]): ClassDecorator & MethodDecorator;
/**
 * Requires roles, all or any of them.
 *
 * @param roles - the roles
 * @param options - `{ mode: 'any' }` for any-of; default all-of
 */
export function Roles(
  roles: readonly string[],
  options?: RequirementOptions,
): ClassDecorator & MethodDecorator;
export function Roles(...args: unknown[]): ClassDecorator & MethodDecorator {
  return requirementDecorator(ROLES_KEY, 'roles', 'Roles', args);
}
