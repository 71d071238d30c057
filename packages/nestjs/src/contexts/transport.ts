import type { ExecutionContext } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { JwtError } from '@tokenward/core';

/** Where a refusal can put its headers: the HTTP response and the platform adapter, if any. */
export interface RefusalTarget {
  readonly response: unknown;
  readonly adapterHost: HttpAdapterHost | undefined;
}

/**
 * What one kind of Nest execution context (`http`, `graphql`, `ws`, ...) means to the guard:
 * where the token is, where the result is kept, whether it may be reused, and how a refusal
 * reaches the client. The guard asks its context's transport and has no branch of its own.
 */
export interface Transport {
  /**
   * Whether a result kept on the request may be reused by a later guard of the same module:
   * only within one HTTP request. A socket's handshake or a GraphQL connection lives longer
   * than one call: every message and operation is verified again.
   */
  readonly reuses: boolean;
  /** The object the result is kept on (`request.user`, `@Claims()`): `JwtGuard.getRequest`'s default. */
  request(context: ExecutionContext): object;
  /**
   * What core reads the token from, given that object: itself, or a request-like view of a
   * token the transport carries elsewhere (socket.io `auth.token`, graphql-ws
   * `connectionParams`). Throws `JwtError` for an ambiguous request.
   */
  credentials(request: object): unknown;
  /** The exception this transport's client understands, for a core refusal. */
  refusal(error: JwtError, target: RefusalTarget): unknown;
}
