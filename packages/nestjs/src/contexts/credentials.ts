import { JwtError } from '@tokenward/core';

type RequestLike = {
  headers?: Record<string, unknown>;
  url?: unknown;
  secure?: unknown;
  address?: unknown;
  socket?: unknown;
};

/** Whether a value is a non-null object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Refuses a request that carries a token in more than one place (400, as on HTTP). */
export function ambiguous(): never {
  throw new JwtError(
    'ERR_JWT_INVALID_REQUEST',
    'The request carries tokens from more than one source',
  );
}

/**
 * A request-like object core reads like an HTTP request: the transport's own request (a socket.io
 * handshake, a WebSocket upgrade request) with the `Authorization` value the transport carried
 * elsewhere (`auth.token`, connection params). The original is never changed. A token both there
 * and in the request's own `Authorization` header is ambiguous; a value that is not a string is
 * malformed.
 *
 * @param base - the transport's request, if any
 * @param authorization - the `Authorization` value (`Bearer <token>`), if the transport gave one
 */
export function upgradeRequestWith(base: unknown, authorization: unknown): object {
  const request: RequestLike = isObject(base) ? base : {};
  if (authorization === undefined) return request;
  if (typeof authorization !== 'string') {
    throw new JwtError('ERR_JWT_INVALID_REQUEST', 'The authorization value must be a string');
  }
  const headers = isObject(request.headers) ? request.headers : {};
  if (headers.authorization !== undefined) ambiguous();
  const { url, secure, address, socket } = request;
  return { method: 'GET', url, secure, address, socket, headers: { ...headers, authorization } };
}
