import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createVerifier, JwtError, type Verifier } from '@tokenward/core';
import { RedisRevocationStore } from '../src/index.js';
import { nowSeconds, redisClients, waitFor } from './helpers/clients.js';
import { describeRedisServer } from './helpers/redis-env.js';
import { startRedisServer, type TestRedisServer } from './helpers/redis-server.js';
import { trackUnhandledRejections } from './helpers/unhandled-rejections.js';

const prefix = `tokenward-test:verifier:${process.pid}:`;
const secret = randomBytes(32);

function sign(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

async function failure(promise: Promise<unknown>): Promise<JwtError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JwtError);
  return err as JwtError;
}

describeRedisServer('createVerifier + RedisRevocationStore (own redis-server)', () => {
  let server: TestRedisServer;
  const stores: RedisRevocationStore[] = [];
  // afterAll hooks run in declaration order: stores, then clients, then the server.
  afterAll(async () => {
    await server.ensureRunning();
    await waitFor(() => stores.every((s) => s.mirrorState !== 'syncing'), 5000);
    await Promise.all(stores.map((s) => s.close()));
  });
  const clients = redisClients(prefix, 'redis://unused', () => server.ensureRunning());
  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(() => server.ensureRunning());
  afterAll(() => server?.dispose());

  const setup = (mirror: boolean): { store: RedisRevocationStore; verifier: Verifier } => {
    const client = clients.open({ maxRetriesPerRequest: 20 }, server.url);
    const store = new RedisRevocationStore({
      client,
      prefix,
      timeoutMs: 200,
      mirror,
      logger: { warn: () => undefined },
    });
    stores.push(store);
    const verifier = createVerifier({
      algorithms: ['HS256'],
      key: secret,
      issuer: 'https://idp.test',
      revocation: store,
    });
    return { store, verifier };
  };

  it.each([false, true])(
    'refuses a revoked token with ERR_JWT_REVOKED (mirror: %s)',
    async (mirror) => {
      const { store, verifier } = setup(mirror);
      await store.ready();
      const now = nowSeconds();
      const sub = `alice-${String(mirror)}`;
      const claims = {
        iss: 'https://idp.test',
        sub,
        jti: randomUUID(),
        iat: now - 10,
        exp: now + 300,
      };
      const token = sign(claims);
      expect((await verifier.verify(token)).payload.jti).toBe(claims.jti);

      await store.revoke({ jti: claims.jti, iss: claims.iss, exp: claims.exp }); // logout
      const err = await failure(verifier.verify(token));
      expect(err.code).toBe('ERR_JWT_REVOKED');
      expect(err.status).toBe(401);
      expect(err.headers['WWW-Authenticate']).toMatch(/error="invalid_token"/);

      const other = sign({ ...claims, jti: randomUUID() });
      expect((await verifier.verify(other)).payload.sub).toBe(sub);
      await store.revokeSubject({ sub, issuedBefore: now, until: now + 300 }); // log out everywhere
      expect((await failure(verifier.verify(other))).code).toBe('ERR_JWT_REVOKED');
      const fresh = sign({ ...claims, jti: randomUUID(), iat: now });
      expect((await verifier.verify(fresh)).payload.sub).toBe(sub);
    },
  );

  it.each([false, true])('answers 503 when Redis is down (mirror: %s)', async (mirror) => {
    const { store, verifier } = setup(mirror);
    await store.ready();
    const now = nowSeconds();
    const token = sign({
      iss: 'https://idp.test',
      sub: 'bob',
      jti: randomUUID(),
      iat: now,
      exp: now + 300,
    });
    await verifier.verify(token);
    await server.kill();
    await waitFor(() => store.mirrorState !== 'live', 1000);
    const err = await failure(verifier.verify(token));
    expect(err.code).toBe('ERR_REVOCATION_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(err.headers).toEqual({ 'Retry-After': '1' });
    await server.start();
    const back = await waitFor(
      () =>
        verifier.verify(token).then(
          () => true,
          () => false,
        ),
      5000,
    );
    expect(back).toBeGreaterThanOrEqual(0);
  });
});

trackUnhandledRejections();
