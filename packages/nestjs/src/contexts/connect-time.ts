import { JwtError } from '@tokenward/core';
import type { JwtAuthService } from '../jwt-auth.service.js';
import { isObject } from './credentials.js';
import { graphqlTransport } from './graphql.transport.js';
import { wsError, wsTransport, type JwtWsError } from './ws.transport.js';

/**
 * A socket.io middleware: `(socket, next)`, as `server.use()` takes it.
 *
 * @example
 * ```ts
 * const middleware: SocketIoMiddleware = socketIoAuth(auth);
 * server.use(middleware);
 * ```
 */
export type SocketIoMiddleware = (
  socket: { handshake: object },
  next: (err?: Error & { data?: JwtWsError }) => void,
) => void;

// Core refusal or not: what went wrong, with the module's realm.
function asJwtError(err: unknown, auth: JwtAuthService): JwtError {
  if (!(err instanceof JwtError) || err.code === 'ERR_JWT_CONFIG_INVALID') throw err;
  err.realm ??= auth.realm;
  return err;
}

/**
 * Refuses a socket.io connection whose handshake has no valid token, before any gateway sees it:
 * the client's `connect_error` has the description as `message` and `{ status, code, message }`
 * as `data`. The token comes from where `JwtGuard` reads it (`auth.token`, the `Authorization`
 * header or, with the `query` option, `?access_token=`). Messages are still verified one by one
 * by `JwtGuard`: this only stops a bad connection early.
 *
 * @param auth - the module's `JwtAuthService`
 * @returns the middleware for `server.use()`
 * @example
 * ```ts
 * @WebSocketGateway()
 * @UseGuards(JwtGuard)
 * class EventsGateway implements OnGatewayInit {
 *   constructor(private readonly auth: JwtAuthService) {}
 *
 *   afterInit(server: Server) {
 *     server.use(socketIoAuth(this.auth));
 *   }
 * }
 * ```
 */
export function socketIoAuth(auth: JwtAuthService): SocketIoMiddleware {
  return (socket, next) => {
    Promise.resolve(socket.handshake)
      .then((handshake) => auth.authenticate(wsTransport.credentials(handshake)))
      .then(
        () => next(),
        (err: unknown) => {
          try {
            const refusal = asJwtError(err, auth);
            next(
              Object.assign(new Error(refusal.body.error_description), { data: wsError(refusal) }),
            );
          } catch (unexpected) {
            next(unexpected as Error);
          }
        },
      );
  };
}

// RFC 6455 §7.4 leaves 4000-4999 to applications; graphql-ws uses 4401/4403 itself. 1013 is the
// registered "Try Again Later".
const CLOSE_CODES: Readonly<Record<number, number>> = {
  400: 4400,
  401: 4401,
  403: 4403,
  503: 1013,
};

/**
 * graphql-ws's context at `onConnect`: the connection params and, with `ws`, `extra.socket`.
 *
 * @example
 * ```ts
 * const accepted = await graphqlWsAuth(auth)({
 *   connectionParams: { authorization: `Bearer ${token}` },
 * } satisfies GraphQLWsConnectContext);
 * ```
 */
export interface GraphQLWsConnectContext {
  readonly connectionParams?: Readonly<Record<string, unknown>> | undefined;
  readonly extra?: unknown;
}

type WsExtra = { request?: unknown; socket?: { close?(code: number, reason: string): void } };

/**
 * graphql-ws's `onConnect` for `@nestjs/graphql` subscriptions: verifies the `authorization`
 * connection param (`Bearer <token>`) once the client sends `connection_init`, and closes a
 * refused connection with code 4401 (401), 4403 (403), 4400 (400) or 1013 (503, try again
 * later) and the tokenward code as the reason. Each subscription is verified again by
 * `JwtGuard`.
 *
 * @param auth - the module's `JwtAuthService`
 * @returns the `onConnect` handler
 * @example
 * ```ts
 * GraphQLModule.forRootAsync<ApolloDriverConfig>({
 *   driver: ApolloDriver,
 *   inject: [JwtAuthService],
 *   useFactory: (auth: JwtAuthService) => ({
 *     autoSchemaFile: true,
 *     subscriptions: { 'graphql-ws': { onConnect: graphqlWsAuth(auth) } },
 *   }),
 * });
 * ```
 */
export function graphqlWsAuth(
  auth: JwtAuthService,
): (context: GraphQLWsConnectContext) => Promise<boolean> {
  return async (context) => {
    try {
      await auth.authenticate(
        graphqlTransport.credentials({
          ...context,
          connectionParams: context.connectionParams ?? {},
        }),
      );
      return true;
    } catch (err) {
      const refusal = asJwtError(err, auth);
      const extra = isObject(context.extra) ? (context.extra as WsExtra) : undefined;
      extra?.socket?.close?.(CLOSE_CODES[refusal.status] ?? 4500, refusal.code);
      return false;
    }
  };
}
