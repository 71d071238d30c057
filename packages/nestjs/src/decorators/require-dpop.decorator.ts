import { SetMetadata } from '@nestjs/common';
import { REQUIRE_DPOP_KEY } from '../lib/metadata-keys.js';

/**
 * Demands DPoP (RFC 9449) on a route or a whole controller: `JwtGuard` refuses a request that was
 * not authenticated with `Authorization: DPoP` and a valid proof (401 `ERR_DPOP_BINDING_MISMATCH`,
 * DPoP-only challenge), even when the module's `dpop.mode` is `allowed`. Implies that a token is
 * required. The module must accept DPoP (`dpop: {}`), or every request is refused.
 *
 * @example
 * ```ts
 * @Controller('transfers')
 * @UseGuards(JwtGuard)
 * class TransfersController {
 *   @RequireDpop()
 *   @Post()
 *   create() {
 *     return { ok: true };
 *   }
 * }
 * ```
 */
export function RequireDpop(): ClassDecorator & MethodDecorator {
  return SetMetadata(REQUIRE_DPOP_KEY, true);
}
