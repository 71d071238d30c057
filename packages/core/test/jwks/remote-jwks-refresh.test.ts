import type { ServerResponse } from 'node:http';
import {
  createRemoteJwks,
  type JwtError,
  type RemoteJwks,
  type RemoteJwksOptions,
} from '@tokenward/core';
import { json, startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { rejection } from '../helpers/jwt-errors';
import { ecKey } from '../helpers/test-keys';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
let server: JwksServer;
let now: number;
const clock = () => now;
const k1 = ecKey('k1');
const k2 = ecKey('k2');

beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

let path = 0;
function setup(options: RemoteJwksOptions = {}): { jwks: RemoteJwks; p: string } {
  const p = `/refresh-${++path}`;
  server.route(p, { keys: [k1.jwk] });
  now = T0;
  return { jwks: createRemoteJwks(`${server.origin}${p}`, { clock, ...options }), p };
}
const kid = (jwks: RemoteJwks, id: string) => jwks.resolve({ alg: 'ES256', kid: id }, 'ES256');

/** A slow key-set server: each request is held until the test releases it. */
function slow(p: string, body: object) {
  const arrivals: Array<() => void> = [];
  let arrived!: () => void;
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  server.route(p, (_req: unknown, res: ServerResponse) => {
    arrived();
    arrivals.push(() => json(res, body));
  });
  return {
    arrival,
    release: () => arrivals.splice(0).forEach((send) => send()),
    held: () => arrivals.length,
  };
}

/** Which comes first: the answer, or the key-set request reaching the server (plus a turn). */
function firstOf(answer: Promise<unknown>, arrival: Promise<void>): Promise<string> {
  return Promise.race([
    answer.then(
      () => 'answered',
      () => 'answered',
    ),
    arrival.then(() => new Promise<string>((resolve) => setImmediate(resolve, 'fetch pending'))),
  ]);
}

describe('stale-while-revalidate', () => {
  it('past cacheMaxAge, answers from the stale keys while one background refresh is pending', async () => {
    const { jwks, p } = setup();
    await kid(jwks, 'k1');
    const server2 = slow(p, { keys: [k1.jwk, k2.jwk] });
    now = T0 + 10 * MIN;
    const answer = kid(jwks, 'k1');
    expect(await firstOf(answer, server2.arrival)).toBe('answered');
    expect((await answer).keyObject.equals(k1.publicKey)).toBe(true);
    // The refresh did start, and is still held by the server: every request meanwhile answers
    // from the stale keys, and shares that one fetch.
    await server2.arrival;
    const more = await Promise.all(Array.from({ length: 100 }, () => kid(jwks, 'k1')));
    expect(more.every((key) => key.kid === 'k1')).toBe(true);
    expect(server2.held()).toBe(1);
    expect(server.hits(p)).toBe(2);
    // Once the refresh lands, the new set is in use (and fresh: no further fetch).
    const landed = jwks.refresh(); // joins the fetch in flight
    server2.release();
    await landed;
    expect((await kid(jwks, 'k2')).kid).toBe('k2');
    expect(server.hits(p)).toBe(2);
  });

  it('a request for an unknown kid waits for the refresh in flight, and gets the new key', async () => {
    const { jwks, p } = setup();
    await kid(jwks, 'k1');
    const server2 = slow(p, { keys: [k1.jwk, k2.jwk] });
    now = T0 + 10 * MIN;
    expect((await kid(jwks, 'k1')).kid).toBe('k1');
    const waiting = kid(jwks, 'k2');
    await server2.arrival;
    server2.release();
    expect((await waiting).kid).toBe('k2');
    expect(server.hits(p)).toBe(2);
  });

  it('a failing background refresh keeps the stale keys answering at once, telling onError', async () => {
    const errors: Array<[string, boolean]> = [];
    const { jwks, p } = setup({
      onError: (err: JwtError, info) => errors.push([err.code, info.staleKeysInUse]),
    });
    await kid(jwks, 'k1');
    server.route(p, (_req: unknown, res: ServerResponse) => json(res, { error: 'down' }, 500));
    now = T0 + 10 * MIN;
    expect((await kid(jwks, 'k1')).kid).toBe('k1');
    expect((await rejection(jwks.refresh())).code).toBe('ERR_JWKS_UNAVAILABLE');
    expect(errors[0]).toEqual(['ERR_JWKS_UNAVAILABLE', true]);
  });

  it('with staleIfError: 0 there is no stale window: the request waits for the fetch', async () => {
    const { jwks, p } = setup({ staleIfError: 0 });
    await kid(jwks, 'k1');
    const server2 = slow(p, { keys: [k2.jwk] });
    now = T0 + 10 * MIN;
    const answer = kid(jwks, 'k2');
    expect(await firstOf(answer, server2.arrival)).toBe('fetch pending');
    server2.release();
    expect((await answer).kid).toBe('k2');
  });
});

// Freshness is observed through an unknown kid: while the set is fresh it fetches nothing (the
// cooldown is long and the extra fetch off); once stale, it waits for the refresh and finds k2.
describe('Cache-Control: max-age of the key-set response', () => {
  const quiet = { cooldownDuration: 60 * MIN, kidRefetchFloor: 60 * MIN };
  async function freshFor(cacheControl: string | undefined, options: RemoteJwksOptions = {}) {
    const { jwks, p } = setup({ ...quiet, ...options });
    const headers = cacheControl === undefined ? {} : { 'cache-control': cacheControl };
    server.route(p, (_req: unknown, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ keys: [k1.jwk] }));
    });
    await kid(jwks, 'k1');
    server.route(p, { keys: [k1.jwk, k2.jwk] });
    return async (at: number): Promise<boolean> => {
      now = T0 + at;
      const stale = await kid(jwks, 'k2').then(
        () => true,
        () => false,
      );
      if (stale) server.route(p, { keys: [k1.jwk] }); // a later probe must not see k2 cached
      return stale;
    };
  }

  it('is honoured between the floor (1 min) and the ceiling (1 h)', async () => {
    const probe = await freshFor('public, max-age=300');
    expect(await probe(5 * MIN - 1)).toBe(false);
    expect(await probe(5 * MIN)).toBe(true);
  });

  it.each([
    ['max-age=15', MIN],
    ['no-cache', MIN],
    ['no-store, max-age=600', MIN],
    ['max-age=86400', 60 * MIN],
    ['max-age=600, max-age=60', MIN],
    ['max-age=abc', 10 * MIN],
    [undefined, 10 * MIN],
  ])('%s → fresh for %i ms', async (cacheControl, lifetime) => {
    const probe = await freshFor(cacheControl);
    expect(await probe(lifetime - 1)).toBe(false);
    expect(await probe(lifetime)).toBe(true);
  });

  it('takes the Age of a cached response off, and has configurable bounds', async () => {
    const { jwks, p } = setup(quiet);
    server.route(p, (_req: unknown, res: ServerResponse) => {
      res.writeHead(200, { 'cache-control': 'max-age=600', age: '240' });
      res.end(JSON.stringify({ keys: [k1.jwk] }));
    });
    await kid(jwks, 'k1');
    server.route(p, { keys: [k1.jwk, k2.jwk] });
    now = T0 + 6 * MIN - 1;
    await rejection(kid(jwks, 'k2'));
    now = T0 + 6 * MIN;
    expect((await kid(jwks, 'k2')).kid).toBe('k2');

    const bounded = await freshFor('max-age=86400', { cacheAgeFloor: 1_000, cacheAgeCeiling: MIN });
    expect(await bounded(MIN - 1)).toBe(false);
    expect(await bounded(MIN)).toBe(true);
  });

  it('refuses bad bounds, naming the option', () => {
    const url = `${server.origin}/x`;
    expect(() => createRemoteJwks(url, { cacheAgeFloor: -1 })).toThrow('"cacheAgeFloor"');
    expect(() => createRemoteJwks(url, { cacheAgeCeiling: 0.5 })).toThrow('"cacheAgeCeiling"');
    expect(() => createRemoteJwks(url, { cacheAgeFloor: 2 * MIN, cacheAgeCeiling: MIN })).toThrow(
      '"cacheAgeCeiling"',
    );
  });
});
