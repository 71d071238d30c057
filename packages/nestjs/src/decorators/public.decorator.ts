import { SetMetadata } from '@nestjs/common';
import { PUBLIC_KEY } from '../lib/metadata-keys.js';

/**
 * Marks a route or a whole controller as public: `JwtGuard` lets every request through without
 * looking at credentials (no token needed, and a sent token is not verified). A route-level mark
 * wins over the controller's.
 *
 * @example
 * ```ts
 * @Controller()
 * class HealthController {
 *   @Public()
 *   @Get('health')
 *   health() {
 *     return { ok: true };
 *   }
 * }
 * ```
 */
export function Public(): ClassDecorator & MethodDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
