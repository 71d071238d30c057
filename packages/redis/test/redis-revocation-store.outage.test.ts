import { JwtError } from '@tokenward/core';
import { RedisRevocationStore, type RevocationLogger } from '../src/index.js';
import { nowSeconds, redisClients, waitFor } from './helpers/clients.js';
import { describeRedisServer } from './helpers/redis-env.js';
import { startRedisServer, type TestRedisServer } from './helpers/redis-server.js';
import { trackUnhandledRejections } from './helpers/unhandled-rejections.js';

const prefix = `tokenward-test:outage:${process.pid}:`;
const timeoutMs = 200;
// Slack for timers on a busy machine; the deadline itself is the store's timeoutMs.
const within = timeoutMs + 100;

async function rejection(promise: Promise<unknown>): Promise<JwtError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JwtError);
  return err as JwtError;
}

async function timed<T>(promise: Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await promise;
  return [value, performance.now() - start];
}

function expectUnavailable(err: JwtError): void {
  expect(err.code).toBe('ERR_REVOCATION_UNAVAILABLE');
  expect(err.status).toBe(503);
  expect(err.headers).toEqual({ 'Retry-After': '1' });
}

const recorder = (): RevocationLogger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, warn: (line) => void lines.push(line) };
};

describeRedisServer('RedisRevocationStore when Redis fails (own redis-server)', () => {
  let server: TestRedisServer;
  // Declared first so its afterAll (closing clients) runs before the server goes away.
  const clients = redisClients(prefix, 'redis://unused', () => server.ensureRunning());
  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(() => server.ensureRunning());
  afterAll(() => server?.dispose());
  const open = (options = {}) => clients.open({ maxRetriesPerRequest: 20, ...options }, server.url);

  it('fails closed within timeoutMs while Redis hangs (SIGSTOP), then answers again', async () => {
    const logger = recorder();
    const store = new RedisRevocationStore({ client: open(), prefix, timeoutMs, logger });
    await store.revoke({ jti: 'hang', exp: nowSeconds() + 600 });
    process.kill(server.pid!, 'SIGSTOP');
    try {
      const [err, elapsed] = await timed(rejection(store.isRevoked({ jti: 'hang' })));
      expectUnavailable(err);
      expect(elapsed).toBeLessThan(within);
      const many = await timed(
        Promise.allSettled(Array.from({ length: 20 }, () => store.isRevoked({ jti: 'hang' }))),
      );
      expect(
        many[0].every(
          (r) => r.status === 'rejected' && r.reason.code === 'ERR_REVOCATION_UNAVAILABLE',
        ),
      ).toBe(true);
      expect(many[1]).toBeLessThan(within);
      expectUnavailable(await rejection(store.revoke({ jti: 'x', exp: nowSeconds() + 60 })));
    } finally {
      process.kill(server.pid!, 'SIGCONT');
    }
    // The abandoned commands now get their late answers; nothing surfaces.
    expect(await store.isRevoked({ jti: 'hang' })).toBe(true);
    expect(logger.lines).toEqual([
      'tokenward: Revocation store unavailable: Redis did not answer within 200 ms; revocation checks fail closed (503) until Redis answers again',
    ]);
  });

  it('fails closed at once when Redis is down (SIGKILL) and recovers by itself on restart', async () => {
    const client = open();
    const logger = recorder();
    const store = new RedisRevocationStore({ client, prefix, timeoutMs, logger });
    await store.revoke({ jti: 'killed', exp: nowSeconds() + 600 });
    await server.kill();
    await waitFor(() => client.status !== 'ready', 1000);
    for (let i = 0; i < 5; i += 1) {
      const [err, elapsed] = await timed(rejection(store.isRevoked({ jti: 'killed' })));
      expectUnavailable(err);
      expect(elapsed).toBeLessThan(within);
    }
    expectUnavailable(
      await rejection(store.revokeSubject({ sub: 's', issuedBefore: 1, until: nowSeconds() + 60 })),
    );
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/fail closed \(503\)/);
    expect(logger.lines[0]).not.toMatch(/killed/);

    await server.start(); // same port, empty data set
    const recovered = await waitFor(
      () =>
        store.isRevoked({ jti: 'killed' }).then(
          () => true,
          () => false,
        ),
      5000,
    );
    expect(recovered).toBeGreaterThanOrEqual(0);
    await store.revoke({ jti: 'after', exp: nowSeconds() + 600 });
    expect(await store.isRevoked({ jti: 'after' })).toBe(true);
  });

  it('times out even with a client that queues forever (maxRetriesPerRequest: null)', async () => {
    await server.kill();
    const client = open({ maxRetriesPerRequest: null });
    const store = new RedisRevocationStore({ client, prefix, timeoutMs, logger: recorder() });
    const [err, elapsed] = await timed(rejection(store.isRevoked({ jti: 'queued' })));
    expectUnavailable(err);
    expect(elapsed).toBeLessThan(within);
    await server.start();
    const recovered = await waitFor(
      () =>
        store.isRevoked({ jti: 'queued' }).then(
          (v) => v === false,
          () => false,
        ),
      5000,
    );
    expect(recovered).toBeGreaterThanOrEqual(0);
  });

  it('fails at once with a client without offline queue', async () => {
    await server.kill();
    const client = open({ enableOfflineQueue: false });
    const store = new RedisRevocationStore({ client, prefix, timeoutMs, logger: recorder() });
    const [err, elapsed] = await timed(rejection(store.isRevoked({ sub: 'no-queue' })));
    expectUnavailable(err);
    expect(elapsed).toBeLessThan(within);
  });

  it('with failOpen answers false during an outage and logs once per outage', async () => {
    const logger = recorder();
    const client = open();
    const store = new RedisRevocationStore({ client, prefix, timeoutMs, failOpen: true, logger });
    const exp = nowSeconds() + 600;
    await store.revoke({ jti: 'open-secret-jti', exp });
    expect(await store.isRevoked({ jti: 'open-secret-jti' })).toBe(true);

    for (let outage = 1; outage <= 2; outage += 1) {
      await server.kill();
      for (let i = 0; i < 3; i += 1) {
        expect(await store.isRevoked({ jti: 'open-secret-jti', sub: 'open-secret-sub' })).toBe(
          false,
        );
      }
      // Writes never fail open: the caller must know the revocation was not stored.
      expectUnavailable(await rejection(store.revoke({ jti: 'open-secret-jti', exp })));
      expect(logger.lines).toHaveLength(outage);
      await server.start();
      const back = await waitFor(async () => {
        await store.revoke({ jti: 'open-secret-jti', exp }).catch(() => undefined);
        return store.isRevoked({ jti: 'open-secret-jti' });
      }, 5000);
      expect(back).toBeGreaterThanOrEqual(0);
    }
    expect(logger.lines).toHaveLength(2);
    for (const line of logger.lines) {
      expect(line).toMatch(/failOpen/);
      expect(line).not.toMatch(/open-secret/);
    }
  });
});

trackUnhandledRejections();
