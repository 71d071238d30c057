import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import Redis from 'ioredis';
import { createAuthenticator, JwtError, type Authenticator } from '@tokenward/core';
import { dpopTestClient, hs256TestTokens } from '@tokenward/test-tokens';
import { RedisReplayStore } from '../src/index.js';
import { redisClients } from './helpers/clients.js';
import { describeRedis, REDIS_URL } from './helpers/redis-env.js';

const prefix = `tokenward-test:dpop:${process.pid}:`;
const { open, keys } = redisClients(prefix, REDIS_URL);
const { VERIFY, sign } = hs256TestTokens('the redis replay store test secret, 32+ bytes');
const ID = 'A'.repeat(43);

describe('RedisReplayStore options', () => {
  const client = open({ lazyConnect: true });
  it.each([
    ['client', { client: {} }],
    ['prefix', { client, prefix: 'has{tag}' }],
    ['prefix', { client, prefix: 'has space' }],
    ['timeoutMs', { client, timeoutMs: 0 }],
  ])('names %s when it is invalid', (name, options) => {
    expect(() => new RedisReplayStore(options as never)).toThrow(`"${name}"`);
  });
});

describeRedis('RedisReplayStore on Redis', () => {
  it('records an id once with SET NX PX: the second call, on another client, is refused', async () => {
    const a = new RedisReplayStore({ client: open(), prefix });
    const b = new RedisReplayStore({ client: open(), prefix });
    const now = Date.now();
    const id = `${ID.slice(0, 40)}one`;
    expect(await a.markUsed(id, now + 60_000, now)).toBe(true);
    expect(await b.markUsed(id, now + 60_000, now)).toBe(false);
    const admin = open();
    const ttl = await admin.pttl(`${prefix}${id}`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('lets exactly one of many concurrent calls win', async () => {
    const stores = [open(), open(), open()].map(
      (client) => new RedisReplayStore({ client, prefix }),
    );
    const now = Date.now();
    const id = `${ID.slice(0, 40)}two`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => stores[i % 3]!.markUsed(id, now + 60_000, now)),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('forgets an id when its window closes (Redis expires the key)', async () => {
    const store = new RedisReplayStore({ client: open(), prefix });
    const now = Date.now();
    const id = `${ID.slice(0, 40)}ttl`;
    expect(await store.markUsed(id, now + 50, now)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await store.markUsed(id, Date.now() + 50, Date.now())).toBe(true);
  });

  it('fails closed with ERR_DPOP_REPLAY_UNAVAILABLE (503) when Redis does not answer', async () => {
    // A TCP peer that accepts and never answers: commands wait until the store's deadline.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const port = (silent.address() as AddressInfo).port;
    const client = new Redis(port, '127.0.0.1', {
      enableReadyCheck: false,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      const store = new RedisReplayStore({ client, prefix, timeoutMs: 100 });
      const err = await store.markUsed(ID, Date.now() + 1000, Date.now()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JwtError);
      expect(err).toMatchObject({ code: 'ERR_DPOP_REPLAY_UNAVAILABLE', status: 503 });
      expect((err as JwtError).headers).toEqual({ 'Retry-After': '1' });
    } finally {
      client.disconnect();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  describe('a fleet of two instances', () => {
    const client = dpopTestClient();
    const instance = (): Authenticator =>
      createAuthenticator({
        ...VERIFY,
        dpop: { replay: new RedisReplayStore({ client: open(), prefix }) },
      });
    const view = (token: string, proof: string) => ({
      method: 'GET',
      url: '/me',
      headers: { host: 'api.example.com', authorization: `DPoP ${token}`, dpop: proof },
      rawHeaders: ['Host', 'api.example.com', 'Authorization', `DPoP ${token}`, 'DPoP', proof],
      secure: true,
    });

    it('refuses on instance B a proof already used on instance A', async () => {
      const [a, b] = [instance(), instance()];
      const token = await sign({ sub: 'alice' }, { dpopJkt: client.jkt });
      const proof = client.proof('GET', 'https://api.example.com/me', { token });
      await expect(a.authenticate(view(token, proof))).resolves.toMatchObject({
        authenticated: true,
      });
      await expect(b.authenticate(view(token, proof))).rejects.toMatchObject({
        code: 'ERR_DPOP_REPLAYED',
        status: 401,
      });
      const fresh = client.proof('GET', 'https://api.example.com/me', { token });
      await expect(b.authenticate(view(token, fresh))).resolves.toMatchObject({
        authenticated: true,
      });
      expect((await keys(open())).length).toBeGreaterThanOrEqual(2);
    });
  });
});
