import { createRemoteJwks, type RemoteJwks, type RemoteJwksOptions } from '@tokenward/core';
import { startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { rejection } from '../helpers/jwt-errors';
import { ecKey } from '../helpers/test-keys';

let server: JwksServer;
let now: number;
const clock = () => now;
const T0 = 1_700_000_000_000;
const [k1, k2, k3] = ['k1', 'k2', 'k3'].map((kid) => ecKey(kid)) as [
  ReturnType<typeof ecKey>,
  ReturnType<typeof ecKey>,
  ReturnType<typeof ecKey>,
];

beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

let path = 0;
function setup(keys: object[], options: RemoteJwksOptions = {}): { jwks: RemoteJwks; p: string } {
  const p = `/rotation-${++path}`;
  server.route(p, { keys });
  now = T0;
  return { jwks: createRemoteJwks(`${server.origin}${p}`, { clock, ...options }), p };
}
const kid = (jwks: RemoteJwks, id: string) => jwks.resolve({ alg: 'ES256', kid: id }, 'ES256');

describe('a key published within the cooldown', () => {
  it('works after one extra fetch once the last fetch is 5 s old; a flood shares that one fetch', async () => {
    const { jwks, p } = setup([k1.jwk]);
    await kid(jwks, 'k1');
    server.route(p, { keys: [k1.jwk, k2.jwk] });
    // Younger than the floor: no fetch.
    now = T0 + 4_999;
    expect((await rejection(kid(jwks, 'k2'))).code).toBe('ERR_JWT_KEY_NOT_FOUND');
    expect(server.hits(p)).toBe(1);
    // 5 s after the last fetch: the new kid and a flood of made-up ones share one extra fetch.
    now = T0 + 5_000;
    const results = await Promise.allSettled([
      ...Array.from({ length: 100 }, () => kid(jwks, 'k2')),
      ...Array.from({ length: 100 }, (_, i) => kid(jwks, `junk-${i}`)),
    ]);
    expect(results.slice(0, 100).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results.slice(100).every((r) => r.status === 'rejected')).toBe(true);
    expect(server.hits(p)).toBe(2);
    expect((await kid(jwks, 'k2')).keyObject.equals(k2.publicKey)).toBe(true);
  });

  it('gets one extra fetch per cooldown at most: the stampede guard stays bounded', async () => {
    const { jwks, p } = setup([k1.jwk]);
    await kid(jwks, 'k1');
    now = T0 + 6_000;
    await rejection(kid(jwks, 'junk-a')); // the extra fetch, spent on a made-up kid
    expect(server.hits(p)).toBe(2);
    server.route(p, { keys: [k1.jwk, k3.jwk] });
    for (const t of [11_000, 20_000, 29_999]) {
      now = T0 + t;
      expect((await rejection(kid(jwks, 'k3'))).code).toBe('ERR_JWT_KEY_NOT_FOUND');
    }
    expect(server.hits(p)).toBe(2);
    // The cooldown of the first fetch is over: a regular fetch, and a new window.
    now = T0 + 30_000;
    expect((await kid(jwks, 'k3')).kid).toBe('k3');
    expect(server.hits(p)).toBe(3);
    now = T0 + 34_999;
    await rejection(kid(jwks, 'junk-b'));
    now = T0 + 35_000;
    await rejection(kid(jwks, 'junk-c'));
    now = T0 + 59_999;
    await rejection(kid(jwks, 'junk-d'));
    expect(server.hits(p)).toBe(4);
  });

  it('kidRefetchFloor sets the floor; at cooldownDuration or more it turns the extra fetch off', async () => {
    const quick = setup([k1.jwk], { kidRefetchFloor: 1_000 });
    await kid(quick.jwks, 'k1');
    server.route(quick.p, { keys: [k1.jwk, k2.jwk] });
    now = T0 + 1_000;
    expect((await kid(quick.jwks, 'k2')).kid).toBe('k2');
    const off = setup([k1.jwk], { kidRefetchFloor: 30_000 });
    await kid(off.jwks, 'k1');
    server.route(off.p, { keys: [k1.jwk, k2.jwk] });
    now = T0 + 29_999;
    await rejection(kid(off.jwks, 'k2'));
    expect(server.hits(off.p)).toBe(1);
  });

  it('refuses a bad kidRefetchFloor, naming it', () => {
    for (const bad of [-1, 1.5, '5000']) {
      expect(() =>
        createRemoteJwks(`${server.origin}/x`, { kidRefetchFloor: bad as never }),
      ).toThrow('"kidRefetchFloor"');
    }
  });
});
