import { JwtError } from '@tokenward/core';

type RequestLike = {
  headers?: Record<string, unknown>;
  rawHeaders?: unknown;
  url?: unknown;
  secure?: unknown;
  address?: unknown;
  socket?: unknown;
};

// A WebSocket handshake is a GET, but opening a socket is not "safe": a browser sends its
// cookies with a cross-site handshake (cross-site WebSocket hijacking). Core sees it as a method
// that is not safe, so that a cookie-carried token must pass its CSRF (Origin) check first.
const HANDSHAKE_METHOD = 'WEBSOCKET';

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
 * The request core reads for a WebSocket handshake (a socket.io handshake, an upgrade request):
 * a copy, with a method that is not safe (cookie tokens pass the CSRF check first), and with the
 * `Authorization` value the transport carried elsewhere (`auth.token`, connection params). The
 * original is never changed. A token both there and in the request's own `Authorization` header
 * is ambiguous; a value that is not a string is malformed.
 *
 * @param base - the transport's request, if any
 * @param authorization - the `Authorization` value (`Bearer <token>`), if the transport gave one
 */
export function upgradeRequestWith(base: unknown, authorization: unknown): object {
  const request: RequestLike = isObject(base) ? base : {};
  const own = isObject(request.headers) ? request.headers : {};
  const { url, secure, address, socket, rawHeaders } = request;
  const copy = { method: HANDSHAKE_METHOD, url, secure, address, socket, rawHeaders };
  if (authorization === undefined) return { ...copy, headers: own };
  if (typeof authorization !== 'string') {
    throw new JwtError('ERR_JWT_INVALID_REQUEST', 'The authorization value must be a string');
  }
  if (own.authorization !== undefined) ambiguous();
  return { ...copy, headers: { ...own, authorization } };
}
