import { HttpException } from '@nestjs/common';
import type { JwtError } from '@tokenward/core';
import { graphqlExtensions, type JwtGraphQLExtensions } from './graphql-extensions.js';

/**
 * The Nest `HttpException` for a failed authentication or authorization. Status and JSON body
 * (`{ statusCode, error, error_description, code }`) come from core's error table, and `message`
 * is the error description, so Nest's filters and logs read well. `JwtGuard` has already put
 * `headers` (`WWW-Authenticate`, `Retry-After`) on the HTTP response before throwing, so Nest's
 * default exception filter sends a complete RFC 6750 answer on Express and Fastify. A GraphQL
 * server reads `extensions` (`code`, `tokenward`) when the exception reaches it (the passport
 * bridge in a resolver).
 *
 * @example
 * ```ts
 * @Catch(JwtHttpException)
 * class AuthLogFilter extends BaseExceptionFilter {
 *   override catch(exception: JwtHttpException, host: ArgumentsHost) {
 *     console.warn(exception.jwtError.code, exception.message);
 *     super.catch(exception, host);
 *   }
 * }
 * ```
 */
export class JwtHttpException extends HttpException {
  /** The core error: stable `code`, `status`, `realm`. */
  readonly jwtError: JwtError;

  /**
   * @param error - the core error to expose as an HTTP exception
   * @param response - the response Nest sends; default core's body with `statusCode`
   */
  constructor(error: JwtError, response?: string | Record<string, unknown>) {
    const body = error.body;
    super(response ?? { statusCode: error.status, ...body }, error.status, { cause: error });
    this.message = body.error_description ?? error.message;
    this.jwtError = error;
  }

  /** Response headers of this failure: `WWW-Authenticate` and/or `Retry-After`. */
  get headers(): Record<string, string> {
    return this.jwtError.headers;
  }

  /** The GraphQL `extensions` of this failure: `{ code: 'UNAUTHENTICATED', tokenward: { code, status } }`. */
  get extensions(): JwtGraphQLExtensions {
    return graphqlExtensions(this.jwtError);
  }
}
