import type { JwtError } from '@tokenward/core';
import { JwtHttpException } from './jwt-http-exception.js';

/**
 * What `JwtGuard` throws in a GraphQL resolver: a {@link JwtHttpException} whose response is the
 * error description, so that GraphQL drivers keep its `extensions` as they are. Clients get
 * `message` (the description) and `extensions: { code, tokenward: { code, status } }` with `code`
 * `UNAUTHENTICATED` (401), `FORBIDDEN` (403), `BAD_REQUEST` (400) or `SERVICE_UNAVAILABLE` (503,
 * retry later), without any filter of yours.
 *
 * @example
 * ```ts
 * const formatError = (formatted: { extensions?: Record<string, unknown> }, error: unknown) =>
 *   (error as { originalError?: unknown }).originalError instanceof JwtGraphQLException
 *     ? { ...formatted, extensions: { ...formatted.extensions, logged: true } }
 *     : formatted;
 * ```
 */
export class JwtGraphQLException extends JwtHttpException {
  /**
   * @param error - the core error
   */
  constructor(error: JwtError) {
    super(error, error.body.error_description);
  }
}
