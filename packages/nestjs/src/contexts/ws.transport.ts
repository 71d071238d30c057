import type { ExecutionContext } from '@nestjs/common';
import type { JwtError } from '@tokenward/core';
import { JwtHttpException } from '../errors/jwt-http-exception.js';
import { ambiguous, isObject, upgradeRequestWith } from './credentials.js';
import type { Transport } from './transport.js';
import { upgradeRequestOf } from './upgrade-request.js';

/**
 * What a WebSocket client receives for a refusal (Nest's `exception` event), and what
 * `socketIoAuth` puts in `connect_error`'s `data`.
 *
 * @example
 * ```ts
 * socket.on('exception', (error: JwtWsError) => {
 *   if (error.code === 'ERR_JWT_EXPIRED') void refreshAndReconnect();
 * });
 * ```
 */
export interface JwtWsError {
  /** The HTTP status the refusal would have: 401, 403, 400 or 503. */
  status: number;
  /** tokenward's stable code, e.g. `ERR_JWT_REVOKED`. */
  code: JwtError['code'];
  /** The error description. */
  message: string;
}

type WsExceptionClass = new (error: object) => Error;
let wsException: Promise<WsExceptionClass | undefined> | undefined;

// `@nestjs/websockets` is an optional peer: loaded on the first refusal of a gateway (an app with
// gateways has it installed).
function loadWsException(): Promise<WsExceptionClass | undefined> {
  wsException ??= import('@nestjs/websockets').then(
    (module) => module.WsException as WsExceptionClass,
    () => undefined,
  );
  return wsException;
}

/** The `{ status, code, message }` of a refusal, for WebSocket clients. */
export function wsError(error: JwtError): JwtWsError {
  return { status: error.status, code: error.code, message: error.body.error_description };
}

// A socket.io handshake (or a raw ws upgrade request), with `io(url, { auth: { token } })` as the
// `Authorization` value core reads.
function handshakeCredentials(handshake: Record<string, unknown>): unknown {
  const auth = handshake.auth;
  const token = isObject(auth) ? auth.token : undefined;
  if (token === undefined) return upgradeRequestWith(handshake, undefined);
  if (isObject(handshake.query) && handshake.query.access_token !== undefined) ambiguous();
  return upgradeRequestWith(handshake, typeof token === 'string' ? `Bearer ${token}` : token);
}

/**
 * A WebSocket message: the socket.io client's handshake (token in `auth.token`, the
 * `Authorization` header or, with the `query` option, `?access_token=`), or a raw `ws` client's
 * upgrade request kept by `keepUpgradeRequest`. Verified again for every message. A refusal is
 * Nest's `WsException` with `{ status, code, message }`, sent as the `exception` event.
 */
export const wsTransport: Transport = {
  reuses: false,
  request(context: ExecutionContext): object {
    const client = context.switchToWs().getClient<unknown>();
    if (!isObject(client)) return {};
    const handshake = client.handshake;
    return isObject(handshake) ? handshake : (upgradeRequestOf(client) ?? client);
  },
  credentials(request: object): unknown {
    return handshakeCredentials(request as Record<string, unknown>);
  },
  refusal(error: JwtError): Promise<unknown> {
    return loadWsException().then((WsException) =>
      WsException === undefined
        ? new JwtHttpException(error)
        : Object.assign(new WsException(wsError(error)), { jwtError: error }),
    );
  },
};
