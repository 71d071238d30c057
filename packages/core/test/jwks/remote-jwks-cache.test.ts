import {
  createRemoteJwks,
  JwtError,
  type RemoteJwks,
  type RemoteJwksOptions,
} from '@tokenward/core';
import { json, startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { ecKey, edKey } from '../helpers/test-keys';
import { rejection } from '../helpers/jwt-errors';

const MIN = 60_000;
let server: JwksServer;
let now: number;
const clock = () => now;
const k1 = ecKey('k1');
const k2 = ecKey('k2');
const k3 = ecKey('k3');

beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

let path = 0;
// A fresh path per test, so hit counts never mix.
function setup(keys: object[], options: RemoteJwksOptions = {}): { jwks: RemoteJwks; p: string } {
  const p = `/jwks-${++path}`;
  server.route(p, { keys });
  now = 1_700_000_000_000;
  return { jwks: createRemoteJwks(`${server.origin}${p}`, { clock, ...options }), p };
}

describe('createRemoteJwks caching', () => {
  it('fetches lazily on first use, then serves from the cache', async () => {
    const { jwks, p } = setup([k1.jwk, k2.jwk]);
    expect(server.hits(p)).toBe(0);
    const key = await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    expect(key.kid).toBe('k1');
    expect(key.keyObject.equals(k1.publicKey)).toBe(true);
    expect(
      (await jwks.resolve({ alg: 'ES256', kid: 'k2' }, 'ES256')).keyObject.equals(k2.publicKey),
    ).toBe(true);
    expect(server.hits(p)).toBe(1);
  });

  it('refreshes in the background once cacheMaxAge (default 10 min) has passed', async () => {
    const { jwks, p } = setup([k1.jwk]);
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    server.route(p, { keys: [k2.jwk] }); // k1 retired
    now += 10 * MIN - 1;
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    expect(server.hits(p)).toBe(1);
    now += 1;
    // Stale: k1 still answers at once, while the refresh runs (refresh() joins it).
    expect((await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256')).kid).toBe('k1');
    await jwks.refresh();
    expect(server.hits(p)).toBe(2);
    expect((await rejection(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).code).toBe(
      'ERR_JWT_KEY_NOT_FOUND',
    );
    expect(server.hits(p)).toBe(2);
  });

  it('follows a key rotation: an unknown kid refetches at most twice per cooldown (30 s)', async () => {
    const { jwks, p } = setup([k1.jwk]);
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    server.route(p, { keys: [k2.jwk] });
    // Within kidRefetchFloor (5 s) of the first fetch: no new fetch, the kid is unknown.
    now += 4_999;
    expect((await rejection(jwks.resolve({ alg: 'ES256', kid: 'k2' }, 'ES256'))).code).toBe(
      'ERR_JWT_KEY_NOT_FOUND',
    );
    expect(server.hits(p)).toBe(1);
    now += 1;
    expect(
      (await jwks.resolve({ alg: 'ES256', kid: 'k2' }, 'ES256')).keyObject.equals(k2.publicKey),
    ).toBe(true);
    expect(server.hits(p)).toBe(2);
    // The rotated-out key is gone with the new set.
    expect((await rejection(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).code).toBe(
      'ERR_JWT_KEY_NOT_FOUND',
    );
    // A random kid flood stays within the cooldown budget.
    for (let i = 0; i < 50; i++)
      await rejection(jwks.resolve({ alg: 'ES256', kid: `junk-${i}` }, 'ES256'));
    expect(server.hits(p)).toBe(2);
    now += 30_000;
    await rejection(jwks.resolve({ alg: 'ES256', kid: 'junk' }, 'ES256'));
    expect(server.hits(p)).toBe(3);
  });

  it('1,000 concurrent requests with an unknown kid cause exactly one fetch', async () => {
    const { jwks, p } = setup([k1.jwk]);
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    server.route(p, { keys: [k1.jwk, k3.jwk] });
    now += 31_000;
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => jwks.resolve({ alg: 'ES256', kid: 'k3' }, 'ES256')),
    );
    expect(results.every((key) => key.keyObject.equals(k3.publicKey))).toBe(true);
    expect(server.hits(p)).toBe(2);
  });

  it('1,000 concurrent first requests share one fetch too', async () => {
    const { jwks, p } = setup([k1.jwk]);
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) =>
        jwks.resolve({ alg: 'ES256', kid: i % 2 ? 'k1' : 'nope' }, 'ES256'),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(500);
    expect(server.hits(p)).toBe(1);
  });

  it('selects without kid only when one key fits the alg', async () => {
    const { jwks } = setup([k1.jwk, edKey('ed').jwk]);
    expect((await jwks.resolve({ alg: 'ES256' }, 'ES256')).kid).toBe('k1');
    const two = setup([k1.jwk, k2.jwk]).jwks;
    expect((await rejection(two.resolve({ alg: 'ES256' }, 'ES256'))).code).toBe(
      'ERR_JWT_KEY_NOT_FOUND',
    );
  });

  it('a known kid with another alg fails at once and fetches nothing more', async () => {
    const { jwks, p } = setup([k1.jwk, { ...edKey('ed').jwk }]);
    now += 31_000;
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    now += 31_000;
    expect((await rejection(jwks.resolve({ alg: 'ES384', kid: 'k1' }, 'ES384'))).code).toBe(
      'ERR_JWT_ALG_NOT_ALLOWED',
    );
    expect((await rejection(jwks.resolve({ alg: 'ES256', kid: 'ed' }, 'ES256'))).code).toBe(
      'ERR_JWT_KEY_INVALID',
    );
    expect(server.hits(p)).toBe(1);
  });
});

describe('stale-if-error', () => {
  it('keeps known keys working for staleIfError (1 h) after the max age while refreshes fail, telling onError', async () => {
    const errors: [string, boolean][] = [];
    const { jwks, p } = setup([k1.jwk], {
      onError: (err, info) => errors.push([err.code, info.staleKeysInUse]),
    });
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    server.route(p, (_req: unknown, res: Parameters<typeof json>[0]) =>
      json(res, { error: 'down' }, 500),
    );
    now += 10 * MIN;
    // The stale key answers at once; the background refresh fails (refresh() joins it).
    expect((await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256')).kid).toBe('k1');
    await rejection(jwks.refresh());
    expect(server.hits(p)).toBe(2);
    expect(errors).toEqual([['ERR_JWKS_UNAVAILABLE', true]]);
    // During the cooldown the failing server is left alone and the stale key answers at once.
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    expect(server.hits(p)).toBe(2);
    now += 30_000;
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    await rejection(jwks.refresh());
    expect(server.hits(p)).toBe(3);
    // Past max age + stale window: nothing usable is left.
    now = 1_700_000_000_000 + 70 * MIN;
    const err = await rejection(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'));
    expect(err.code).toBe('ERR_JWKS_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(err.headers).toEqual({ 'Retry-After': '30' });
    expect(errors.at(-1)).toEqual(['ERR_JWKS_UNAVAILABLE', false]);
    // The server recovers: the next fetch after the cooldown brings the keys back.
    server.route(p, { keys: [k1.jwk] });
    now += 30_000;
    expect((await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256')).kid).toBe('k1');
  });

  it('staleIfError: 0 turns stale keys off', async () => {
    const { jwks, p } = setup([k1.jwk], { staleIfError: 0 });
    await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256');
    server.route(p, (_req: unknown, res: Parameters<typeof json>[0]) => json(res, 'oops', 503));
    now += 10 * MIN;
    expect((await rejection(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).code).toBe(
      'ERR_JWKS_UNAVAILABLE',
    );
  });

  it('with nothing cached fails with 503 and Retry-After, and retries only after the cooldown', async () => {
    const p = `/down-${++path}`;
    server.route(p, (_req: unknown, res: Parameters<typeof json>[0]) => json(res, 'down', 500));
    now = 1_700_000_000_000;
    const jwks = createRemoteJwks(`${server.origin}${p}`, {
      clock,
      onError: () => {
        throw new Error('a throwing hook changes nothing');
      },
    });
    const err = await rejection(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'));
    expect(err).toBeInstanceOf(JwtError);
    expect(err.code).toBe('ERR_JWKS_UNAVAILABLE');
    expect(err.retryAfter).toBe(30);
    expect(err.headers).toEqual({ 'Retry-After': '30' });
    expect(err.body).toEqual({
      error: 'temporarily_unavailable',
      error_description: 'The key set is temporarily unavailable',
      code: 'ERR_JWKS_UNAVAILABLE',
    });
    now += 20_000;
    expect((await rejection(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).retryAfter).toBe(
      10,
    );
    expect(server.hits(p)).toBe(1);
    now += 10_000;
    await rejection(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'));
    expect(server.hits(p)).toBe(2);
  });
});

describe('refresh and close', () => {
  it('refresh() fetches now and rejects with ERR_JWKS_UNAVAILABLE on failure', async () => {
    const { jwks, p } = setup([k1.jwk]);
    await jwks.refresh();
    await jwks.refresh();
    expect(server.hits(p)).toBe(2);
    server.route(p, { keys: [] });
    expect((await rejection(jwks.refresh())).code).toBe('ERR_JWKS_UNAVAILABLE');
    // The earlier keys are still there.
    expect((await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256')).kid).toBe('k1');
  });

  it('close() aborts a fetch in flight and refuses later ones, keeping cached keys', async () => {
    const { jwks, p } = setup([k1.jwk]);
    await jwks.refresh();
    server.route(p, () => undefined); // never answers
    const pending = jwks.refresh();
    jwks.close();
    expect((await rejection(pending)).code).toBe('ERR_JWKS_UNAVAILABLE');
    expect((await rejection(jwks.refresh())).code).toBe('ERR_JWKS_UNAVAILABLE');
    expect((await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256')).kid).toBe('k1');
  });
});
