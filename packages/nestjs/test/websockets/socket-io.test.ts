import { UseGuards, type INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { Test } from '@nestjs/testing';
import { SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import type { AddressInfo } from 'node:net';
import type { Namespace } from 'socket.io';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  Claim,
  JwtAuthModule,
  JwtAuthService,
  JwtGuard,
  Roles,
  socketIoAuth,
  type JwtWsError,
} from '../../src/index.js';
import { bearer, token, verifierOptions } from '../helpers/tokens.js';

const ran: string[] = [];

@WebSocketGateway()
@UseGuards(JwtGuard)
class EventsGateway {
  @SubscribeMessage('whoami')
  whoami(@Claim('sub') sub: string): string {
    ran.push('whoami');
    return sub;
  }

  @Roles('admin')
  @SubscribeMessage('purge')
  purge(): string {
    ran.push('purge');
    return 'purged';
  }
}

// A namespace that refuses a bad handshake before any message.
@WebSocketGateway({ namespace: 'strict' })
@UseGuards(JwtGuard)
class StrictGateway implements OnGatewayInit {
  constructor(private readonly auth: JwtAuthService) {}

  afterInit(namespace: Namespace): void {
    namespace.use(socketIoAuth(this.auth));
  }

  @SubscribeMessage('whoami')
  whoami(@Claim('sub') sub: string): string {
    return sub;
  }
}

async function start(
  options: { query?: boolean; cookie?: string } = {},
): Promise<{ app: INestApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({
    imports: [JwtAuthModule.forRoot({ ...verifierOptions, ...options })],
    providers: [EventsGateway, StrictGateway],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useWebSocketAdapter(new IoAdapter(app));
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

describe('JwtGuard in socket.io gateways', () => {
  let plain: { app: INestApplication; url: string };
  let withQuery: { app: INestApplication; url: string };
  let withCookie: { app: INestApplication; url: string };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    plain = await start();
    withQuery = await start({ query: true });
    withCookie = await start({ cookie: 'at' });
  });
  afterEach(() => {
    ran.splice(0);
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    await plain.app.close();
    await withQuery.app.close();
    await withCookie.app.close();
  });

  function connect(url: string, options: Partial<ManagerOptions & SocketOptions>): Socket {
    const socket = io(url, { transports: ['websocket'], reconnection: false, ...options });
    sockets.push(socket);
    return socket;
  }

  // The handler's answer, or the `exception` event the guard's refusal became.
  function send(socket: Socket, event: string): Promise<{ answer?: unknown; error?: JwtWsError }> {
    return new Promise((resolve) => {
      socket.once('exception', (error: JwtWsError) => resolve({ error }));
      socket.emit(event, {}, (answer: unknown) => resolve({ answer }));
    });
  }

  it('reads the token of io(url, { auth: { token } })', async () => {
    const socket = connect(plain.url, { auth: { token: await token() } });
    await expect(send(socket, 'whoami')).resolves.toEqual({ answer: 'alice' });
  });

  it('reads the Authorization header', async () => {
    const socket = connect(plain.url, { extraHeaders: { authorization: bearer(await token()) } });
    await expect(send(socket, 'whoami')).resolves.toEqual({ answer: 'alice' });
  });

  it('reads ?access_token= only with the query option', async () => {
    const accessToken = await token();
    const opted = connect(withQuery.url, { query: { access_token: accessToken } });
    await expect(send(opted, 'whoami')).resolves.toEqual({ answer: 'alice' });
    const ignored = connect(plain.url, { query: { access_token: accessToken } });
    await expect(send(ignored, 'whoami')).resolves.toEqual({
      error: { status: 401, code: 'ERR_JWT_MISSING', message: 'No access token was provided' },
    });
  });

  it('refuses a token in two places: 400 ERR_JWT_INVALID_REQUEST', async () => {
    const accessToken = await token();
    const socket = connect(plain.url, {
      auth: { token: accessToken },
      extraHeaders: { authorization: bearer(accessToken) },
    });
    await expect(send(socket, 'whoami')).resolves.toMatchObject({
      error: { status: 400, code: 'ERR_JWT_INVALID_REQUEST' },
    });
    const both = connect(withQuery.url, {
      auth: { token: accessToken },
      query: { access_token: accessToken },
    });
    await expect(send(both, 'whoami')).resolves.toMatchObject({
      error: { status: 400, code: 'ERR_JWT_INVALID_REQUEST' },
    });
    expect(ran).toEqual([]);
  });

  it('answers structured errors: expired 401, wrong role 403, malformed 400', async () => {
    const expired = connect(plain.url, { auth: { token: await token({ exp: 1 }) } });
    await expect(send(expired, 'whoami')).resolves.toEqual({
      error: { status: 401, code: 'ERR_JWT_EXPIRED', message: 'The access token expired' },
    });
    const user = connect(plain.url, { auth: { token: await token({ roles: ['user'] }) } });
    await expect(send(user, 'purge')).resolves.toEqual({
      error: {
        status: 403,
        code: 'ERR_JWT_INSUFFICIENT_SCOPE',
        message: 'The access token does not grant the required scope',
      },
    });
    const admin = connect(plain.url, { auth: { token: await token({ roles: ['admin'] }) } });
    await expect(send(admin, 'purge')).resolves.toEqual({ answer: 'purged' });
    const odd = connect(plain.url, { auth: { token: 42 } });
    await expect(send(odd, 'whoami')).resolves.toMatchObject({
      error: { status: 400, code: 'ERR_JWT_INVALID_REQUEST' },
    });
    expect(ran).toEqual(['purge']);
  });

  it('socketIoAuth refuses a bad handshake at connect time, with { status, code, message }', async () => {
    const refused = connect(`${plain.url}/strict`, {});
    const error = await new Promise<Error & { data?: unknown }>((resolve) =>
      refused.once('connect_error', resolve),
    );
    expect(error.message).toBe('No access token was provided');
    expect(error.data).toEqual({
      status: 401,
      code: 'ERR_JWT_MISSING',
      message: 'No access token was provided',
    });
    const accepted = connect(`${plain.url}/strict`, { auth: { token: await token() } });
    await expect(send(accepted, 'whoami')).resolves.toEqual({ answer: 'alice' });
  });

  it('checks the Origin of a handshake carrying a cookie token (cross-site WebSocket hijacking)', async () => {
    const cookie = `at=${await token()}`;
    const foreign = connect(withCookie.url, {
      extraHeaders: { cookie, origin: 'https://evil.example' },
    });
    await expect(send(foreign, 'whoami')).resolves.toEqual({
      error: {
        status: 403,
        code: 'ERR_JWT_CSRF',
        message: 'Cross-site request refused for cookie authentication',
      },
    });
    const sameOrigin = connect(withCookie.url, {
      extraHeaders: { cookie, origin: withCookie.url },
    });
    await expect(send(sameOrigin, 'whoami')).resolves.toEqual({ answer: 'alice' });
    // Not a browser (no Origin): nothing to forge.
    const server = connect(withCookie.url, { extraHeaders: { cookie } });
    await expect(send(server, 'whoami')).resolves.toEqual({ answer: 'alice' });
    expect(ran).toEqual(['whoami', 'whoami']);
  });
});
