import type Redis from 'ioredis';
import { JwtError, MemoryRevocationStore, type JwtClaims } from '@tokenward/core';
import fc from 'fast-check';
import { RedisRevocationStore, REDIS_REVOCATION_DEFAULTS } from '../src/index.js';
import { nowSeconds, redisClients, waitFor } from './helpers/clients.js';
import { describeRedis, REDIS_URL } from './helpers/redis-env.js';
import { applyParityOps, parityClaims, parityOps, parityQueries } from './helpers/parity.js';
import { trackUnhandledRejections } from './helpers/unhandled-rejections.js';

const prefix = `tokenward-test:store:${process.pid}:`;
const { open, entries } = redisClients(prefix, REDIS_URL);

async function rejection(promise: Promise<unknown>): Promise<JwtError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JwtError);
  return err as JwtError;
}

describe('RedisRevocationStore options', () => {
  const client = {
    mget: () => undefined,
    eval: () => undefined,
    status: 'ready',
    duplicate: () => undefined,
  };
  const make = (options: Record<string, unknown>) => () =>
    new RedisRevocationStore({ client, ...options } as never);

  it.each([
    ['client', { client: undefined }],
    ['client', { client: { get: () => 1 } }],
    ['prefix', { prefix: 'a{b}:' }],
    ['prefix', { prefix: 'has space:' }],
    ['prefix', { prefix: 'line\nbreak' }],
    ['prefix', { prefix: 42 }],
    ['failOpen', { failOpen: 'yes' }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: 1.5 }],
    ['timeoutMs', { timeoutMs: 60_001 }],
    ['toleranceSeconds', { toleranceSeconds: -1 }],
    ['toleranceSeconds', { toleranceSeconds: Number.NaN }],
    ['mirror', { mirror: 'yes' }],
    ['mirror.subscriber', { mirror: { subscriber: {} } }],
    ['mirror.subscriber', { mirror: { subscriber: client } }],
    ['mirror.heartbeatMs', { mirror: { subscriber: { ...client }, heartbeatMs: 1 } }],
    ['logger', { logger: { info: () => undefined } }],
    ['prefx', { prefx: 'a:' }],
    ['keyPrefix', { keyPrefix: 'a:' }],
    ['heartbeat', { mirror: { subscriber: { ...client }, heartbeat: 10 } }],
  ])('rejects a bad "%s" at construction, naming it', (option, options) => {
    expect(make(options)).toThrow(JwtError);
    expect(make(options)).toThrow(`Invalid option "${option}"`);
    try {
      make(options)();
    } catch (err) {
      expect((err as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    }
  });

  it('names the closest option for a misspelt one, and the option to use for a foreign one', () => {
    expect(make({ prefx: 'a:' })).toThrow(
      'Invalid option "prefx": is not an option of new RedisRevocationStore(); did you mean "prefix"?',
    );
    expect(make({ keyPrefix: 'a:' })).toThrow(/use "prefix"/);
  });

  it('has its defaults in one place', () => {
    expect(REDIS_REVOCATION_DEFAULTS).toEqual({
      prefix: 'tokenward:revocation:',
      failOpen: false,
      timeoutMs: 200,
      toleranceSeconds: 300,
      heartbeatMs: 1000,
    });
    expect(Object.isFrozen(REDIS_REVOCATION_DEFAULTS)).toBe(true);
  });
});

describeRedis('RedisRevocationStore against Redis', () => {
  // Created in beforeAll: a skipped describe still runs its body, and must open nothing.
  let client: Redis;
  let store: RedisRevocationStore;
  beforeAll(() => {
    client = open();
    store = new RedisRevocationStore({ client, prefix });
  });
  afterAll(() => store.close());

  it('revokes a token by (iss, jti) and only that token', async () => {
    const exp = nowSeconds() + 600;
    await store.revoke({ iss: 'https://issuer.example', jti: 'token-1', exp });
    expect(await store.isRevoked({ iss: 'https://issuer.example', jti: 'token-1', exp })).toBe(
      true,
    );
    expect(await store.isRevoked({ iss: 'https://issuer.example', jti: 'token-2', exp })).toBe(
      false,
    );
    expect(await store.isRevoked({ iss: 'https://other.example', jti: 'token-1', exp })).toBe(
      false,
    );
    expect(await store.isRevoked({ jti: 'token-1', exp })).toBe(false);
  });

  it("treats a missing iss and '' as the same token key", async () => {
    const exp = nowSeconds() + 600;
    await store.revoke({ jti: 'no-iss', exp });
    expect(await store.isRevoked({ iss: '', jti: 'no-iss' })).toBe(true);
    expect(await store.isRevoked({ jti: 'no-iss' })).toBe(true);
    expect(await store.isRevoked({ iss: 42, jti: 'no-iss' } as unknown as JwtClaims)).toBe(true);
  });

  it('answers false for claims without a usable jti or sub', async () => {
    expect(await store.isRevoked({})).toBe(false);
    expect(await store.isRevoked({ jti: '', sub: '' })).toBe(false);
    expect(await store.isRevoked({ jti: 7, sub: ['x'] } as unknown as JwtClaims)).toBe(false);
  });

  it('revokes every token of a subject issued strictly before the cut-off', async () => {
    const now = nowSeconds();
    await store.revokeSubject({ sub: 'user-1', issuedBefore: now, until: now + 600 });
    expect(await store.isRevoked({ sub: 'user-1', iat: now - 1 })).toBe(true);
    expect(await store.isRevoked({ sub: 'user-1', iat: now })).toBe(false);
    expect(await store.isRevoked({ sub: 'user-1', iat: now + 1 })).toBe(false);
    expect(await store.isRevoked({ sub: 'user-1' })).toBe(true);
    expect(await store.isRevoked({ sub: 'user-1', iat: '1' } as unknown as JwtClaims)).toBe(true);
    expect(await store.isRevoked({ sub: 'user-2', iat: now - 1 })).toBe(false);
    // Without iss the rule applies to every issuer, and to tokens without iss.
    expect(await store.isRevoked({ iss: 'a', sub: 'user-1', iat: now - 1 })).toBe(true);
    expect(await store.isRevoked({ iss: 'b', sub: 'user-1', iat: now - 1 })).toBe(true);
  });

  it('binds a rule with iss to that issuer only', async () => {
    const now = nowSeconds();
    await store.revokeSubject({ iss: 'idp-a', sub: 'user-3', issuedBefore: now, until: now + 600 });
    expect(await store.isRevoked({ iss: 'idp-a', sub: 'user-3', iat: now - 5 })).toBe(true);
    expect(await store.isRevoked({ iss: 'idp-b', sub: 'user-3', iat: now - 5 })).toBe(false);
    expect(await store.isRevoked({ sub: 'user-3', iat: now - 5 })).toBe(false);
  });

  it('merges rules for one key to the largest issuedBefore and until', async () => {
    const now = nowSeconds();
    await store.revokeSubject({ sub: 'user-4', issuedBefore: now - 10, until: now + 1000 });
    await store.revokeSubject({ sub: 'user-4', issuedBefore: now - 100, until: now + 100 });
    expect(await store.isRevoked({ sub: 'user-4', iat: now - 50 })).toBe(true);
    const [key] = await entries(client, `${prefix}*:a:*`);
    expect(await client.expiretime(key!)).toBe(now + 1000 + 300);
    expect(await client.get(key!)).toBe(`${now - 10} ${now + 1000} ${now + 1300}`);
  });

  it('sets the expiry at ceil(exp + tolerance), and a later exp wins', async () => {
    const ttl = new RedisRevocationStore({ client, prefix: `${prefix}ttl:` });
    const exp = nowSeconds() + 120.25;
    await ttl.revoke({ iss: 'ttl', jti: 'ttl-1', exp });
    const stored = await entries(client, `${prefix}ttl:*`);
    expect(stored).toHaveLength(1);
    const key = stored[0]!;
    const deadline = Math.ceil(exp + 300);
    expect(await client.expiretime(key)).toBe(deadline);
    const before = Date.now();
    const pttl = await client.pttl(key);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(deadline * 1000 - before + 1);
    await ttl.revoke({ iss: 'ttl', jti: 'ttl-1', exp: exp - 60 });
    expect(await client.expiretime(key)).toBe(deadline);
    await ttl.revoke({ iss: 'ttl', jti: 'ttl-1', exp: exp + 60 });
    expect(await client.expiretime(key)).toBe(deadline + 60);
  });

  it('lets Redis expire entries (PTTL counts down to -2) and then forgets them', async () => {
    const quick = new RedisRevocationStore({
      client,
      prefix: `${prefix}quick:`,
      toleranceSeconds: 0,
    });
    const exp = Date.now() / 1000 + 0.5;
    await quick.revoke({ jti: 'short-lived', exp });
    await quick.revokeSubject({ sub: 'short', issuedBefore: exp, until: exp });
    const stored = await entries(client, `${prefix}quick:*`);
    expect(stored).toHaveLength(2);
    for (const key of stored) expect(await client.pttl(key)).toBeGreaterThan(0);
    expect(await quick.isRevoked({ jti: 'short-lived', sub: 'short', iat: 1 })).toBe(true);
    const gone = await waitFor(async () => (await client.pttl(stored[0]!)) === -2, 3000);
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(await client.pttl(stored[1]!)).toBe(-2);
    expect(await quick.isRevoked({ jti: 'short-lived', sub: 'short', iat: 1 })).toBe(false);
  });

  it('stores nothing for a revocation whose deadline already passed', async () => {
    const past = new RedisRevocationStore({ client, prefix: `${prefix}past:` });
    await past.revoke({ jti: 'old', exp: nowSeconds() - 301 });
    await past.revokeSubject({ sub: 'old', issuedBefore: 1, until: nowSeconds() - 301 });
    expect(await entries(client, `${prefix}past:*`)).toEqual([]);
    expect(await past.isRevoked({ jti: 'old', sub: 'old' })).toBe(false);
  });

  it('rejects invalid input with ERR_JWT_CONFIG_INVALID, like the memory store', async () => {
    const bad: Array<Promise<unknown>> = [
      store.revoke({ jti: '', exp: 1 }),
      store.revoke({ jti: 'x', exp: Number.POSITIVE_INFINITY }),
      store.revoke({ jti: 'x', iss: 5, exp: 1 } as never),
      store.revoke(null as never),
      store.revokeSubject({ sub: '', issuedBefore: 1, until: 2 }),
      store.revokeSubject({ sub: 'x', issuedBefore: Number.NaN, until: 2 }),
      store.isRevoked(null as never),
    ];
    for (const promise of bad)
      expect((await rejection(promise)).code).toBe('ERR_JWT_CONFIG_INVALID');
  });

  it('shares revocations between two instances on two connections', async () => {
    const a = new RedisRevocationStore({ client: open(), prefix });
    const b = new RedisRevocationStore({ client: open(), prefix });
    const now = nowSeconds();
    expect(
      await b.isRevoked({ iss: 'fleet', jti: 'shared-1', sub: 'shared-user', iat: now - 1 }),
    ).toBe(false);
    await a.revoke({ iss: 'fleet', jti: 'shared-1', exp: now + 60 });
    expect(await b.isRevoked({ iss: 'fleet', jti: 'shared-1' })).toBe(true);
    await b.revokeSubject({ iss: 'fleet', sub: 'shared-user', issuedBefore: now, until: now + 60 });
    expect(await a.isRevoked({ iss: 'fleet', sub: 'shared-user', iat: now - 1 })).toBe(true);
  });

  it('never closes the injected client', async () => {
    const own = open();
    const closing = new RedisRevocationStore({ client: own, prefix });
    await closing.close();
    await closing.close();
    expect(await own.ping()).toBe('PONG');
    expect(await closing.isRevoked({ jti: 'after-close' })).toBe(false);
  });

  it('answers exactly like MemoryRevocationStore for any sequence of operations', async () => {
    const base = nowSeconds();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(parityOps, parityQueries(8), async (ops, queries) => {
        run += 1;
        const redis = new RedisRevocationStore({ client, prefix: `${prefix}parity:${run}:` });
        const memory = new MemoryRevocationStore();
        try {
          await applyParityOps([redis, memory], ops, base);
          for (const q of queries) {
            const claims = parityClaims(q, base);
            expect(await redis.isRevoked(claims)).toBe(await memory.isRevoked(claims));
          }
        } finally {
          memory.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

trackUnhandledRejections();
