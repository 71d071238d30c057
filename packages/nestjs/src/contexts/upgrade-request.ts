import type { IncomingMessage } from 'node:http';

// The upgrade request of each raw `ws` client, kept by `keepUpgradeRequest` until the client is gone.
const upgradeRequests = new WeakMap<object, IncomingMessage>();

/**
 * Keeps a raw `ws` client's upgrade request (the `request` Nest's `WsAdapter` passes to
 * `handleConnection`), so that `JwtGuard` finds the token of every message of that client: the
 * `Authorization` header (Node clients) or, with the `query` option, `?access_token=`. ws 8 keeps
 * no request on the client (`upgradeReq` is gone); socket.io clients need none of this.
 *
 * @param client - the `ws` client
 * @param request - its upgrade request
 * @example
 * ```ts
 * @WebSocketGateway({ path: '/ws' })
 * @UseGuards(JwtGuard)
 * class EventsGateway implements OnGatewayConnection {
 *   handleConnection(client: WebSocket, request: IncomingMessage) {
 *     keepUpgradeRequest(client, request);
 *   }
 * }
 * ```
 */
export function keepUpgradeRequest(client: object, request: IncomingMessage): void {
  upgradeRequests.set(client, request);
}

/** The upgrade request kept for a raw `ws` client, if any. */
export function upgradeRequestOf(client: object): IncomingMessage | undefined {
  return upgradeRequests.get(client);
}
