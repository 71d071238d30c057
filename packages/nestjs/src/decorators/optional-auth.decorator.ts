import { SetMetadata } from '@nestjs/common';
import { OPTIONAL_AUTH_KEY } from '../lib/metadata-keys.js';

/**
 * Makes authentication optional on a route or controller: a request without credentials gets
 * through anonymously (`@Claims()` is `undefined`), but a request that sends a bad, expired or
 * revoked token is still rejected. Ignored when the route also requires roles or scopes.
 *
 * @example
 * ```ts
 * @Controller('articles')
 * class ArticlesController {
 *   @OptionalAuth()
 *   @Get()
 *   list(@Claims() claims?: JwtClaims) {
 *     return claims ? 'personalised' : 'anonymous';
 *   }
 * }
 * ```
 */
export function OptionalAuth(): ClassDecorator & MethodDecorator {
  return SetMetadata(OPTIONAL_AUTH_KEY, true);
}
