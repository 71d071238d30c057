// The peer range says ioredis 5 or 6; the rest of the suite runs on 6. Here the same store on an
// ioredis 5 client (the `ioredis5` alias): revocation by jti and by subject, seen by a verifier,
// and a second instance's mirror learning a revocation over pub/sub. At run time 5.x works as it
// is; its client type is not ioredis 6's `Redis` class that RevocationRedisClient names, hence
// the cast (TypeScript users of ioredis 5 need the same one).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createVerifier, JwtError } from '@tokenward/core';
import Redis5 from 'ioredis5';
import { RedisRevocationStore, type RevocationRedisClient } from '../src/index.js';
import { nowSeconds, waitFor } from './helpers/clients.js';
import { describeRedis, REDIS_URL } from './helpers/redis-env.js';

const prefix = `tokenward-test:ioredis5:${process.pid}:`;
const secret = randomBytes(32);
const sign = (claims: Record<string, unknown>): string => {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (err: unknown) => (err instanceof JwtError ? err.code : String(err)),
  );

describeRedis('RedisRevocationStore on an ioredis 5 client', () => {
  const clients: Redis5[] = [];
  const stores: RedisRevocationStore[] = [];
  const open = (mirror: boolean) => {
    const client = new Redis5(REDIS_URL, { maxRetriesPerRequest: 1 });
    clients.push(client);
    const store = new RedisRevocationStore({
      client: client as unknown as RevocationRedisClient,
      prefix,
      mirror,
    });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    const keys = clients[0] ? await clients[0].keys(`${prefix}*`) : [];
    if (keys.length > 0) await clients[0]!.del(...keys);
    for (const client of clients) client.disconnect();
  });

  test('revokes by jti and by subject; a mirrored instance learns both', async () => {
    const writer = open(false);
    const mirrored = open(true);
    await Promise.all([writer.ready(), mirrored.ready()]);
    const verify = (store: RedisRevocationStore, token: string) =>
      code(createVerifier({ algorithms: ['HS256'], key: secret, revocation: store }).verify(token));
    const now = nowSeconds();
    const claims = { sub: `alice-${randomUUID()}`, jti: randomUUID(), iat: now - 5, exp: now + 60 };
    const token = sign(claims);
    expect(await verify(mirrored, token)).toBe('accepted');

    await writer.revoke({ jti: claims.jti, exp: claims.exp });
    expect(await verify(writer, token)).toBe('ERR_JWT_REVOKED');
    expect(
      await waitFor(async () => (await verify(mirrored, token)) !== 'accepted', 3000),
    ).not.toBe(-1);
    expect(await verify(mirrored, token)).toBe('ERR_JWT_REVOKED');

    const other = sign({ ...claims, jti: randomUUID() });
    await writer.revokeSubject({ sub: claims.sub, issuedBefore: now, until: now + 60 });
    expect(
      await waitFor(async () => (await verify(mirrored, other)) !== 'accepted', 3000),
    ).not.toBe(-1);
    expect(await verify(mirrored, other)).toBe('ERR_JWT_REVOKED');
    expect(await verify(writer, sign({ ...claims, jti: randomUUID(), iat: now }))).toBe('accepted');
  });
});
