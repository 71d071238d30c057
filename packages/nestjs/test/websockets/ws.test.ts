import { UseGuards, type INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import { Test } from '@nestjs/testing';
import { SubscribeMessage, WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import { MemoryRevocationStore, type JwtClaims } from '@tokenward/core';
import { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import {
  Claim,
  JwtAuthModule,
  JwtAuthService,
  JwtGuard,
  keepUpgradeRequest,
} from '../../src/index.js';
import { bearer, NOW, token, verifierOptions } from '../helpers/tokens.js';

// The documented raw `ws` gateway: the upgrade request kept for the guard.
@WebSocketGateway({ path: '/ws' })
@UseGuards(JwtGuard)
class RawGateway implements OnGatewayConnection {
  handleConnection(client: WebSocket, request: IncomingMessage): void {
    keepUpgradeRequest(client, request);
  }

  @SubscribeMessage('whoami')
  whoami(@Claim('sub') sub: string) {
    return { event: 'whoami', data: sub };
  }
}

describe('JwtGuard in a raw ws gateway (@nestjs/platform-ws)', () => {
  let app: INestApplication;
  let url: string;
  let auth: JwtAuthService;
  const clients: WebSocket[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        JwtAuthModule.forRoot({
          ...verifierOptions,
          revocation: new MemoryRevocationStore({ clock: () => NOW * 1000 }),
        }),
      ],
      providers: [RawGateway],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useWebSocketAdapter(new WsAdapter(app));
    await app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/ws`;
    auth = app.get(JwtAuthService);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => app.close());

  async function open(headers: Record<string, string>): Promise<WebSocket> {
    const client = new WebSocket(url, { headers });
    clients.push(client);
    await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
    return client;
  }

  function send(client: WebSocket, event: string): Promise<unknown> {
    return new Promise((resolve) => {
      client.once('message', (data: WebSocket.RawData) => resolve(JSON.parse(String(data))));
      client.send(JSON.stringify({ event, data: {} }));
    });
  }

  it('verifies every message with the upgrade request kept by keepUpgradeRequest', async () => {
    const accessToken = await token({ jti: 'raw-ws-1' });
    const client = await open({ authorization: bearer(accessToken) });
    await expect(send(client, 'whoami')).resolves.toEqual({ event: 'whoami', data: 'alice' });
    // The upgrade request is a raw Node request: its claims are its own, Node's prototype untouched.
    expect(Object.getOwnPropertyDescriptor(IncomingMessage.prototype, 'user')).toBeUndefined();
    await auth.revoke((await auth.verify<JwtClaims>(accessToken)).payload);
    await expect(send(client, 'whoami')).resolves.toEqual({
      event: 'exception',
      data: { status: 401, code: 'ERR_JWT_REVOKED', message: 'The access token was revoked' },
    });
  });

  it('refuses a client without a token with the structured error', async () => {
    const client = await open({});
    await expect(send(client, 'whoami')).resolves.toEqual({
      event: 'exception',
      data: { status: 401, code: 'ERR_JWT_MISSING', message: 'No access token was provided' },
    });
  });
});
