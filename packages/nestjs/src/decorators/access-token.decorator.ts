import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { getAuthState } from '../lib/auth-state.js';
import { requestFromContext } from '../contexts/transports.js';

const accessTokenParam = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return getAuthState(requestFromContext(context))?.token;
});

/**
 * Injects the raw access token that `JwtGuard` verified for this request (for example to call a
 * downstream API on the user's behalf). `undefined` for anonymous requests.
 *
 * @example
 * ```ts
 * @Controller()
 * @UseGuards(JwtGuard)
 * class ProxyController {
 *   @Get('upstream')
 *   upstream(@AccessToken() token: string) {
 *     return fetch('http://127.0.0.1:4000/data', { headers: { authorization: `Bearer ${token}` } });
 *   }
 * }
 * ```
 */
export function AccessToken(): ParameterDecorator {
  return accessTokenParam();
}
