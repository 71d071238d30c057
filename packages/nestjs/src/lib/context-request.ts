import type { ExecutionContext } from '@nestjs/common';

/**
 * The request object of an execution context: the HTTP request, the GraphQL context's `req`
 * (the `context: ({ req }) => ({ req })` convention), or a WebSocket client's handshake.
 * `JwtGuard.getRequest` and the param decorators share it, so they always agree.
 */
export function requestFromContext(context: ExecutionContext): Record<string | symbol, unknown> {
  const type = context.getType<string>();
  if (type === 'http') return context.switchToHttp().getRequest();
  if (type === 'ws') {
    const client = context.switchToWs().getClient<Record<string, unknown>>();
    // socket.io keeps the upgrade request's data on `handshake`; ws exposes nothing standard.
    return (client?.handshake as Record<string | symbol, unknown> | undefined) ?? client;
  }
  // GraphQL (and other RPC-like contexts): the third argument is the resolver context.
  const gqlContext = context.getArgByIndex<Record<string, unknown> | undefined>(2);
  return (gqlContext?.req as Record<string | symbol, unknown> | undefined) ?? gqlContext ?? {};
}

/** The response object of an HTTP context, where challenge headers go; `undefined` elsewhere. */
export function responseFromContext(context: ExecutionContext): unknown {
  return context.getType<string>() === 'http' ? context.switchToHttp().getResponse() : undefined;
}
