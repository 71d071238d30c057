import type { INestApplication } from '@nestjs/common';
import { UseGuards, type ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { Test } from '@nestjs/testing';
import {
  SubscribeMessage,
  WebSocketGateway,
  WsException,
  type OnGatewayConnection,
} from '@nestjs/websockets';
import { MemoryRevocationStore, type JwtClaims } from '@tokenward/core';
import type { AddressInfo } from 'node:net';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { JwtAuthModule, JwtAuthService, JwtGuard, type JwtWsError } from '../../src/index.js';
import { NOW, token, verifierOptions } from '../helpers/tokens.js';

// The server-side sockets of the connections, as Nest hands them to a gateway.
const serverSockets: object[] = [];

@WebSocketGateway()
@UseGuards(JwtGuard)
class EchoGateway implements OnGatewayConnection {
  handleConnection(client: object): void {
    serverSockets.push(client);
  }

  @SubscribeMessage('whoami')
  whoami(): string {
    return 'ok';
  }
}

let now = NOW;

// The code of the WsException the guard refused with, or 'allowed'.
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WsException) return (err.getError() as JwtWsError).code;
    throw err;
  }
  return 'allowed';
}

describe('JwtGuard on an open socket.io connection verifies every message', () => {
  let app: INestApplication;
  let guard: JwtGuard;
  let auth: JwtAuthService;
  let url: string;
  let client: ClientSocket | undefined;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        JwtAuthModule.forRoot({
          ...verifierOptions,
          clock: () => now * 1000,
          revocation: new MemoryRevocationStore({ clock: () => now * 1000 }),
        }),
      ],
      providers: [EchoGateway],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useWebSocketAdapter(new IoAdapter(app));
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    guard = app.get(JwtGuard);
    auth = app.get(JwtAuthService);
  });

  afterEach(() => {
    client?.disconnect();
    now = NOW;
  });
  afterAll(() => app.close());

  // A message of the open connection as Nest's WebSocket context hands it to the guard.
  function message(socket: object, data: unknown): ExecutionContext {
    const host = new ExecutionContextHost(
      [socket, data, 'whoami'],
      EchoGateway,
      EchoGateway.prototype.whoami.bind(undefined),
    );
    host.setType('ws');
    return host;
  }

  async function connect(accessToken: string): Promise<object> {
    const before = serverSockets.length;
    client = io(url, {
      transports: ['websocket'],
      extraHeaders: { authorization: `Bearer ${accessToken}` },
    });
    await new Promise<void>((resolve, reject) => {
      client!.once('connect', resolve).once('connect_error', reject);
    });
    // The gateway sees the connection after the client does, on the next turns of the loop.
    while (serverSockets.length === before) await new Promise((r) => setImmediate(r));
    return serverSockets[serverSockets.length - 1] as object;
  }

  it('refuses the next message once the token is revoked (ERR_JWT_REVOKED)', async () => {
    const accessToken = await token({ jti: 'ws-revoke-1' });
    const socket = await connect(accessToken);
    await expect(guard.canActivate(message(socket, { n: 1 }))).resolves.toBe(true);
    const verified = await auth.verify<JwtClaims>(accessToken);
    await auth.revoke(verified.payload);
    expect(await refusal(guard.canActivate(message(socket, { n: 2 })))).toBe('ERR_JWT_REVOKED');
    // Over the wire too: the gateway's guard refuses with an exception event, no answer.
    const exception = new Promise((resolve) => client!.once('exception', resolve));
    const answered = jest.fn();
    client!.emit('whoami', {}, answered);
    await expect(exception).resolves.toEqual({
      status: 401,
      code: 'ERR_JWT_REVOKED',
      message: 'The access token was revoked',
    });
    expect(answered).not.toHaveBeenCalled();
  });

  it('refuses the next message once the token has expired (ERR_JWT_EXPIRED)', async () => {
    const socket = await connect(await token({ jti: 'ws-expire-1', exp: NOW + 60 }));
    await expect(guard.canActivate(message(socket, { n: 1 }))).resolves.toBe(true);
    await expect(client!.timeout(2000).emitWithAck('whoami', {})).resolves.toBe('ok');
    now = NOW + 61;
    expect(await refusal(guard.canActivate(message(socket, { n: 2 })))).toBe('ERR_JWT_EXPIRED');
  });
});
