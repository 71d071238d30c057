import { JwtError, MemoryRevocationStore } from '@tokenward/core';
import fc from 'fast-check';
import { RedisRevocationStore } from '../src/index.js';
import { createKeyLayout } from '../src/lib/key-codec.js';
import { nowSeconds, redisClients, waitFor } from './helpers/clients.js';
import { describeRedis, describeRedisServer, REDIS_URL } from './helpers/redis-env.js';
import { startRedisServer, type TestRedisServer } from './helpers/redis-server.js';
import { applyParityOps, parityClaims, parityOps, parityQueries } from './helpers/parity.js';
import { trackUnhandledRejections } from './helpers/unhandled-rejections.js';

const prefix = `tokenward-test:mirror:${process.pid}:`;
const quiet = { warn: () => undefined };

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: unknown) => (err instanceof JwtError ? err.code : 'not a JwtError'),
  );
}

describeRedis('local mirror (shared Redis)', () => {
  const { open } = redisClients(prefix, REDIS_URL);
  const stores: RedisRevocationStore[] = [];
  const mirrored = (options: { prefix?: string } = {}) => {
    const store = new RedisRevocationStore({ client: open(), prefix, mirror: true, ...options });
    stores.push(store);
    return store;
  };
  afterAll(() => Promise.all(stores.map((s) => s.close())));

  it('shows a revocation made on one instance to another within 100 ms', async () => {
    const a = mirrored();
    const b = mirrored();
    await Promise.all([a.ready(), b.ready()]);
    expect(b.mirrorState).toBe('live');
    const now = nowSeconds();
    // Latency counts from the start of the revoking call to the first "true" on the other instance.
    const seen = async (revoke: Promise<void>, check: () => Promise<boolean>): Promise<number> => {
      const start = performance.now();
      await revoke;
      const waited = await waitFor(check, 100 - (performance.now() - start));
      return waited < 0 ? -1 : performance.now() - start;
    };
    const tokenLatency = await seen(
      a.revoke({ iss: 'fleet', jti: 'propagated', exp: now + 600 }),
      () => b.isRevoked({ iss: 'fleet', jti: 'propagated' }),
    );
    const ruleLatency = await seen(
      a.revokeSubject({ sub: 'everywhere', issuedBefore: now, until: now + 600 }),
      () => b.isRevoked({ sub: 'everywhere', iat: now - 1 }),
    );
    if (process.env.TOKENWARD_REPORT) {
      process.stderr.write(
        `mirror propagation: token ${tokenLatency.toFixed(2)} ms, rule ${ruleLatency.toFixed(2)} ms\n`,
      );
    }
    expect(tokenLatency).toBeGreaterThanOrEqual(0); // -1 means not seen within 100 ms
    expect(ruleLatency).toBeGreaterThanOrEqual(0);
    expect(await a.isRevoked({ iss: 'fleet', jti: 'propagated' })).toBe(true);
    expect(await b.isRevoked({ sub: 'everywhere', iat: now })).toBe(false);
  });

  it('answers from memory while live (a key written behind its back is not seen)', async () => {
    const b = mirrored();
    await b.ready();
    const raw = open();
    const key = createKeyLayout(prefix).token('', 'behind-the-back');
    await raw.set(key, String(nowSeconds() + 600), 'EX', 600);
    expect(await b.isRevoked({ jti: 'behind-the-back' })).toBe(false);
    // A store without mirror reads Redis and sees it: the difference is the round trip.
    expect(
      await new RedisRevocationStore({ client: raw, prefix }).isRevoked({ jti: 'behind-the-back' }),
    ).toBe(true);
  });

  it('notices a missed message from the write numbers, and reloads', async () => {
    const gapPrefix = `${prefix}gap:`;
    const layout = createKeyLayout(gapPrefix);
    const raw = open();
    const writer = new RedisRevocationStore({ client: raw, prefix: gapPrefix });
    const reader = mirrored({ prefix: gapPrefix });
    await reader.ready();
    await writer.revoke({ jti: 'first', exp: nowSeconds() + 600 });
    expect(await waitFor(() => reader.isRevoked({ jti: 'first' }), 1000)).toBeGreaterThanOrEqual(0);
    // A write whose message never arrived: numbered, stored, not announced.
    await raw.incr(layout.sequence);
    await raw.set(layout.token('', 'lost-message'), String(nowSeconds() + 600), 'EX', 600);
    expect(await reader.isRevoked({ jti: 'lost-message' })).toBe(false);
    // The next announced write skips a number: the reader resynchronises and finds the lost one.
    await writer.revoke({ jti: 'next', exp: nowSeconds() + 600 });
    const found = await waitFor(
      async () =>
        reader.mirrorState === 'live' && (await reader.isRevoked({ jti: 'lost-message' })),
      2000,
    );
    expect(found).toBeGreaterThanOrEqual(0);
    expect(await reader.isRevoked({ jti: 'next' })).toBe(true);
  });

  it('notices a lost last message at the heartbeat (the counter is ahead), and reloads', async () => {
    const tailPrefix = `${prefix}tail:`;
    const layout = createKeyLayout(tailPrefix);
    const raw = open();
    const reader = new RedisRevocationStore({
      client: open(),
      prefix: tailPrefix,
      mirror: { heartbeatMs: 50 },
    });
    stores.push(reader);
    await reader.ready();
    await raw.incr(layout.sequence);
    await raw.set(layout.token('', 'lost-last'), String(nowSeconds() + 600), 'EX', 600);
    expect(await reader.isRevoked({ jti: 'lost-last' })).toBe(false);
    const found = await waitFor(
      async () => reader.mirrorState === 'live' && (await reader.isRevoked({ jti: 'lost-last' })),
      3000,
    );
    expect(found).toBeGreaterThanOrEqual(0);
  });

  it('loads existing entries on start, under a prefix with glob characters', async () => {
    const globPrefix = `${prefix}g*?[x]\\:`;
    const writer = new RedisRevocationStore({ client: open(), prefix: globPrefix });
    const decoy = new RedisRevocationStore({ client: open(), prefix: `${prefix}gZZx\\:` });
    const now = nowSeconds();
    await writer.revoke({ jti: 'before-start', exp: now + 600 });
    await writer.revokeSubject({ iss: 'i', sub: 'loaded', issuedBefore: now, until: now + 600 });
    await decoy.revoke({ jti: 'decoy', exp: now + 600 });
    const late = mirrored({ prefix: globPrefix });
    await late.ready();
    expect(await late.isRevoked({ jti: 'before-start' })).toBe(true);
    expect(await late.isRevoked({ iss: 'i', sub: 'loaded', iat: now - 1 })).toBe(true);
    expect(await late.isRevoked({ jti: 'decoy' })).toBe(false);
  });

  it('answers exactly like MemoryRevocationStore, live and after a reload (property)', async () => {
    const base = nowSeconds();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(parityOps, parityQueries(6), async (ops, queries) => {
        run += 1;
        const runPrefix = `${prefix}parity:${run}:`;
        const writer = mirrored({ prefix: runPrefix });
        await writer.ready();
        const memory = new MemoryRevocationStore();
        try {
          await applyParityOps([writer, memory], ops, base);
          const reloaded = mirrored({ prefix: runPrefix });
          await reloaded.ready();
          for (const q of queries) {
            const claims = parityClaims(q, base);
            const expected = await memory.isRevoked(claims);
            expect(await writer.isRevoked(claims)).toBe(expected);
            expect(await reloaded.isRevoked(claims)).toBe(expected);
          }
          expect([writer.mirrorState, reloaded.mirrorState]).toEqual(['live', 'live']);
        } finally {
          memory.close();
          await Promise.all(stores.splice(-2).map((s) => s.close()));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('closes only its own duplicate connection, never the client or a given subscriber', async () => {
    const client = open();
    const subscriber = open();
    const own = new RedisRevocationStore({ client, prefix, mirror: true });
    const given = new RedisRevocationStore({ client, prefix, mirror: { subscriber } });
    await Promise.all([own.ready(), given.ready()]);
    await own.close();
    await given.close();
    expect(own.mirrorState).toBe('closed');
    expect(await client.ping()).toBe('PONG');
    expect(subscriber.status).toBe('ready');
    expect(await subscriber.ping()).toBe('PONG'); // unsubscribed: normal commands work again
    expect(await code(own.ready())).toBe('ERR_REVOCATION_UNAVAILABLE');
    expect(await own.isRevoked({ jti: 'still-answers' })).toBe(false);
  });
});

describeRedisServer('local mirror across an outage (own redis-server)', () => {
  let server: TestRedisServer;
  const clients = redisClients(prefix, 'redis://unused', () => server.ensureRunning());
  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(() => server.ensureRunning());
  afterAll(() => server?.dispose());
  const open = () => clients.open({ maxRetriesPerRequest: 20 }, server.url);
  const stores: RedisRevocationStore[] = [];
  afterEach(async () => {
    // Close on a live connection (see redisClients' beforeClose).
    await server.ensureRunning();
    await waitFor(() => stores.every((s) => s.mirrorState === 'live'), 5000);
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  const make = (
    options: Omit<ConstructorParameters<typeof RedisRevocationStore>[0], 'client' | 'prefix'>,
  ) => {
    const store = new RedisRevocationStore({ client: open(), prefix, logger: quiet, ...options });
    stores.push(store);
    return store;
  };

  it('fails closed once the subscription is lost, and reloads everything after reconnect', async () => {
    const store = make({ timeoutMs: 200, mirror: true });
    await store.ready();
    const raw = open();
    const key = createKeyLayout(prefix).token('', 'written-while-away');
    await raw.set(key, String(nowSeconds() + 600), 'EX', 600);
    expect(await store.isRevoked({ jti: 'written-while-away' })).toBe(false); // not announced
    await raw.save(); // the restarted server loads this entry from dump.rdb
    await server.kill();
    expect(await waitFor(() => store.mirrorState === 'syncing', 1000)).toBeGreaterThanOrEqual(0);
    expect(await code(store.isRevoked({ jti: 'written-while-away' }))).toBe(
      'ERR_REVOCATION_UNAVAILABLE',
    );
    await server.start();
    expect(await waitFor(() => store.mirrorState === 'live', 5000)).toBeGreaterThanOrEqual(0);
    expect(await store.isRevoked({ jti: 'written-while-away' })).toBe(true);
  });

  it('marks the mirror stale when the subscriber stops answering PINGs (SIGSTOP)', async () => {
    const store = make({ timeoutMs: 100, mirror: { heartbeatMs: 50 } });
    await store.ready();
    process.kill(server.pid!, 'SIGSTOP');
    try {
      expect(await waitFor(() => store.mirrorState === 'syncing', 2000)).toBeGreaterThanOrEqual(0);
      expect(await code(store.isRevoked({ jti: 'stale' }))).toBe('ERR_REVOCATION_UNAVAILABLE');
    } finally {
      process.kill(server.pid!, 'SIGCONT');
    }
    expect(await waitFor(() => store.mirrorState === 'live', 5000)).toBeGreaterThanOrEqual(0);
    expect(await store.isRevoked({ jti: 'stale' })).toBe(false);
  });

  it('answers false without logging spam under failOpen while the mirror is down', async () => {
    const lines: string[] = [];
    const store = make({
      timeoutMs: 200,
      failOpen: true,
      mirror: true,
      logger: { warn: (line) => void lines.push(line) },
    });
    await store.ready();
    await store.revoke({ jti: 'fo', exp: nowSeconds() + 600 });
    await server.kill();
    await waitFor(() => store.mirrorState === 'syncing', 1000);
    expect(await store.isRevoked({ jti: 'fo' })).toBe(false);
    expect(await store.isRevoked({ jti: 'fo' })).toBe(false);
    expect(lines).toHaveLength(1);
  });
});

trackUnhandledRejections();
