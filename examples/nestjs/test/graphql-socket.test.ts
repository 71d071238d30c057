// The same login and logout over GraphQL and socket.io, against the app as `pnpm start` runs it.
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { bootstrap, type RunningExample } from '../src/bootstrap.js';

interface WsError {
  status: number;
  code: string;
  message: string;
}

describe('examples/nestjs over GraphQL and socket.io', () => {
  let app: RunningExample;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await bootstrap({ PORT: '0' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await app.close();
  });

  async function login(username: 'alice' | 'bob'): Promise<string> {
    const res = await request(app.url)
      .post('/auth/login')
      .send({ username, password: `${username}-password` })
      .expect(200);
    return res.body.access_token as string;
  }

  function graphql(query: string, token?: string) {
    const req = request(app.url).post('/graphql').send({ query });
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  }

  async function connect(token: string): Promise<Socket> {
    const socket = io(app.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) =>
      socket.once('connect', () => resolve()).once('connect_error', reject),
    );
    return socket;
  }

  function send(socket: Socket, event: string): Promise<{ answer?: unknown; error?: WsError }> {
    return new Promise((resolve) => {
      socket.once('exception', (error: WsError) => resolve({ error }));
      socket.emit(event, {}, (answer: unknown) => resolve({ answer }));
    });
  }

  it('answers the me query and keeps the admin mutation to admins', async () => {
    const bob = await login('bob');
    await graphql('{ me { sub roles } }', bob).expect(200, {
      data: { me: { sub: 'bob', roles: ['user'] } },
    });
    const denied = await graphql('mutation { announce(message: "hi") }', bob);
    expect(denied.body.errors[0]).toMatchObject({
      message: 'The access token does not grant the required scope',
      extensions: {
        code: 'FORBIDDEN',
        tokenward: { code: 'ERR_JWT_INSUFFICIENT_SCOPE', status: 403 },
      },
    });
    const alice = await login('alice');
    const allowed = await graphql('mutation { announce(message: "hi") }', alice);
    expect(allowed.body).toEqual({ data: { announce: 'alice announced: hi' } });
    const anonymous = await graphql('{ me { sub } }');
    expect(anonymous.body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      tokenward: { code: 'ERR_JWT_MISSING', status: 401 },
    });
  });

  it('answers socket.io events, refuses a bad handshake at connect time', async () => {
    const bob = await connect(await login('bob'));
    await expect(send(bob, 'whoami')).resolves.toEqual({ answer: { sub: 'bob' } });
    await expect(send(bob, 'broadcast')).resolves.toMatchObject({
      error: { status: 403, code: 'ERR_JWT_INSUFFICIENT_SCOPE' },
    });
    const alice = await connect(await login('alice'));
    await expect(send(alice, 'broadcast')).resolves.toEqual({
      answer: { message: 'alice may broadcast' },
    });
    await expect(connect('not-a-token')).rejects.toMatchObject({
      message: 'The access token is malformed',
      data: { status: 401, code: 'ERR_JWT_MALFORMED' },
    });
  });

  it('logout: the open socket and the GraphQL API refuse the token from the next call on', async () => {
    const token = await login('alice');
    const socket = await connect(token);
    await expect(send(socket, 'whoami')).resolves.toEqual({ answer: { sub: 'alice' } });
    await request(app.url).post('/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await expect(send(socket, 'whoami')).resolves.toEqual({
      error: { status: 401, code: 'ERR_JWT_REVOKED', message: 'The access token was revoked' },
    });
    const res = await graphql('{ me { sub } }', token);
    expect(res.body.errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      tokenward: { code: 'ERR_JWT_REVOKED', status: 401 },
    });
  });
});
