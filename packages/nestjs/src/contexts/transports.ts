import type { ExecutionContext } from '@nestjs/common';
import { JwtHttpException } from '../errors/jwt-http-exception.js';
import { graphqlTransport } from './graphql.transport.js';
import { httpTransport } from './http.transport.js';
import type { Transport } from './transport.js';
import { wsTransport } from './ws.transport.js';

// Other contexts (`rpc`, custom ones): the third argument's `req`, or the argument itself, as a
// request; verified on every call; refused with a `JwtHttpException`. Override
// `JwtGuard.getRequest` for them.
const otherTransport: Transport = {
  reuses: false,
  request: graphqlTransport.request,
  credentials: (request) => request,
  refusal: (error) => new JwtHttpException(error),
};

const TRANSPORTS: Readonly<Record<string, Transport>> = {
  http: httpTransport,
  graphql: graphqlTransport,
  ws: wsTransport,
};

/** The transport of an execution context, by its type. */
export function transportOf(context: ExecutionContext): Transport {
  return TRANSPORTS[context.getType<string>()] ?? otherTransport;
}

/**
 * The request object of an execution context, where the result is kept: the HTTP request, the
 * GraphQL context's `req`, a socket.io client's handshake or a raw `ws` client's upgrade request.
 * `JwtGuard.getRequest` and the param decorators share it, so they always agree.
 */
export function requestFromContext(context: ExecutionContext): object {
  return transportOf(context).request(context);
}
