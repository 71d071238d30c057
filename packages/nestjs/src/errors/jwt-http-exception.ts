import { HttpException } from '@nestjs/common';
import type { JwtError } from '@tokenward/core';

/**
 * The Nest `HttpException` for a failed authentication or authorization. Status and JSON body
 * (`{ error, error_description, code }`) come from core's error table; `JwtGuard` has already put
 * `headers` (`WWW-Authenticate`, `Retry-After`) on the HTTP response before throwing, so Nest's
 * default exception filter sends a complete RFC 6750 answer on Express and Fastify. Custom filters
 * (GraphQL, WebSocket) can read `jwtError` and `headers`.
 *
 * @example
 * ```ts
 * @Catch(JwtHttpException)
 * class WsJwtFilter implements ExceptionFilter {
 *   catch(exception: JwtHttpException, host: ArgumentsHost) {
 *     host.switchToWs().getClient<{ emit(e: string, d: unknown): void }>().emit('error', exception.getResponse());
 *   }
 * }
 * ```
 */
export class JwtHttpException extends HttpException {
  /** The core error: stable `code`, `status`, `realm`. */
  readonly jwtError: JwtError;

  /**
   * @param error - the core error to expose as an HTTP exception
   */
  constructor(error: JwtError) {
    super(error.body, error.status, { cause: error });
    this.jwtError = error;
  }

  /** Response headers of this failure: `WWW-Authenticate` and/or `Retry-After`. */
  get headers(): Record<string, string> {
    return this.jwtError.headers;
  }
}
