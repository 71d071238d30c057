import Redis, { type Cluster } from 'ioredis';
import { RedisRevocationStore } from '../src/index.js';
import { nowSeconds, waitFor } from './helpers/clients.js';
import { describeRedisServer } from './helpers/redis-env.js';
import { startRedisServer, type TestRedisServer } from './helpers/redis-server.js';
import { trackUnhandledRejections } from './helpers/unhandled-rejections.js';

const prefix = `tokenward-test:cluster:${process.pid}:`;

// A one-node Redis Cluster owning all 16384 slots: Redis refuses multi-key commands across
// slots (CROSSSLOT) there exactly as on a real multi-node cluster.
describeRedisServer('RedisRevocationStore on Redis Cluster (own one-node cluster)', () => {
  let server: TestRedisServer;
  const clusters: Cluster[] = [];
  const stores: RedisRevocationStore[] = [];
  const cluster = (): Cluster => {
    const c = new Redis.Cluster([{ host: '127.0.0.1', port: server.port }], {
      redisOptions: { maxRetriesPerRequest: 5 },
    });
    c.on('error', () => undefined);
    clusters.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startRedisServer([
      ...['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'],
      ...['--cluster-announce-ip', '127.0.0.1'],
    ]);
    const admin = new Redis(server.port, '127.0.0.1');
    await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    const ok = await waitFor(
      async () => /cluster_state:ok/.test(String(await admin.call('CLUSTER', 'INFO'))),
      5000,
    );
    admin.disconnect();
    if (ok < 0) throw new Error('the one-node cluster did not become ready');
  }, 15_000);
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all(clusters.map((c) => c.quit().catch(() => undefined)));
    await server?.dispose();
  });

  it('really refuses cross-slot multi-key commands (control)', async () => {
    const c = cluster();
    await expect(c.mget(`${prefix}a`, `${prefix}b`)).rejects.toThrow(/CROSSSLOT|same slot/i);
  });

  it('revokes, checks and merges rules through a Cluster client', async () => {
    const store = new RedisRevocationStore({ client: cluster(), prefix });
    stores.push(store);
    const now = nowSeconds();
    await store.revoke({ iss: 'https://idp.example', jti: 'c-1', exp: now + 600 });
    await store.revokeSubject({
      iss: 'https://idp.example',
      sub: 'u',
      issuedBefore: now,
      until: now + 600,
    });
    await store.revokeSubject({ sub: 'u', issuedBefore: now - 100, until: now + 600 });
    expect(
      await store.isRevoked({ iss: 'https://idp.example', jti: 'c-1', sub: 'u', iat: now + 5 }),
    ).toBe(true);
    expect(
      await store.isRevoked({ iss: 'https://idp.example', jti: 'c-2', sub: 'u', iat: now - 5 }),
    ).toBe(true);
    expect(
      await store.isRevoked({ iss: 'https://other.example', jti: 'c-2', sub: 'u', iat: now - 5 }),
    ).toBe(false);
    expect(
      await store.isRevoked({ iss: 'https://other.example', jti: 'c-2', sub: 'u', iat: now - 500 }),
    ).toBe(true);
  });

  it('mirrors through a Cluster subscriber and reloads from the cluster', async () => {
    const writer = new RedisRevocationStore({ client: cluster(), prefix: `${prefix}m:` });
    stores.push(writer);
    const now = nowSeconds();
    await writer.revoke({ jti: 'before', exp: now + 600 });
    const reader = new RedisRevocationStore({
      client: cluster(),
      prefix: `${prefix}m:`,
      mirror: true,
    });
    stores.push(reader);
    await reader.ready();
    expect(await reader.isRevoked({ jti: 'before' })).toBe(true);
    await writer.revoke({ jti: 'after', exp: now + 600 });
    expect(await waitFor(() => reader.isRevoked({ jti: 'after' }), 100)).toBeGreaterThanOrEqual(0);
  });
});

trackUnhandledRejections();
