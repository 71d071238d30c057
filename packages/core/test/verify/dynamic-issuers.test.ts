import { createVerifier, type IssuerOptions, type VerifierOptions } from '../../src/index.js';
import { startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { rejection } from '../helpers/jwt-errors';
import { ecKey, type TestKey } from '../helpers/test-keys';
import { b64, claims, NOW, signToken } from './token-helpers';

let server: JwksServer;
let now = NOW * 1000;
const clock = (): number => now;
const keysOf = new Map<string, TestKey>();

beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());
beforeEach(() => {
  now = NOW * 1000;
});

// Realm-per-tenant: `<origin>/realms/<tenant>`, its JWK Set at `/realms/<tenant>/jwks`.
const realm = (tenant: string): string => `${server.origin}/realms/${tenant}`;
function publish(tenant: string): TestKey {
  const key = ecKey(`${tenant}-k1`);
  keysOf.set(tenant, key);
  server.route(`/realms/${tenant}/jwks`, { keys: [key.jwk] });
  return key;
}
const token = (tenant: string, key: TestKey = keysOf.get(tenant) as TestKey): string =>
  signToken(
    'ES256',
    key.privateKey,
    { alg: 'ES256', kid: key.kid },
    claims({ iss: realm(tenant), aud: 'api', iat: now / 1000 - 10, exp: now / 1000 + 600 }),
  );
const hits = (tenant: string): number => server.hits(`/realms/${tenant}/jwks`);

function tenants(allowed: (tenant: string) => boolean, calls: string[] = []) {
  const pattern = new RegExp(`^${server.origin.replace(/\./g, '\\.')}/realms/([a-z0-9-]{1,40})$`);
  return (iss: string): IssuerOptions | undefined => {
    calls.push(iss);
    const tenant = pattern.exec(iss)?.[1];
    if (tenant === undefined || !allowed(tenant)) return undefined;
    return { jwksUri: `${iss}/jwks`, label: tenant };
  };
}

const base = (extra: Partial<VerifierOptions>): VerifierOptions => ({
  algorithms: ['ES256'],
  audience: 'api',
  clock,
  ...extra,
});

describe('issuers as a function (dynamic tenants)', () => {
  it('creates a tenant’s key set on its first token and shares it afterwards', async () => {
    publish('acme');
    const calls: string[] = [];
    const verifier = createVerifier(base({ issuers: tenants(() => true, calls) }));
    expect(hits('acme')).toBe(0);
    for (let i = 0; i < 3; i++) {
      const result = await verifier.verify(token('acme'));
      expect(result.issuer).toEqual({ iss: realm('acme'), label: 'acme' });
    }
    expect(hits('acme')).toBe(1);
    expect(calls).toEqual([realm('acme')]);
    verifier.close?.();
  });

  it('refuses what the function does not return, with no fetch; a throwing function is a config error', async () => {
    publish('globex');
    const verifier = createVerifier(base({ issuers: tenants((t) => t !== 'globex') }));
    expect((await rejection(verifier.verify(token('globex')))).code).toBe(
      'ERR_JWT_ISSUER_MISMATCH',
    );
    expect(hits('globex')).toBe(0);
    const throwing = createVerifier(
      base({
        issuers: () => {
          throw new Error('tenant database down');
        },
      }),
    );
    const err = await rejection(throwing.verify(token('globex')));
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.status).toBe(500);
  });

  it('a returned entry is checked like a configured one (algorithms narrowed only)', async () => {
    publish('wide');
    const verifier = createVerifier(
      base({ issuers: (iss) => ({ jwksUri: `${iss}/jwks`, algorithms: ['RS256'] }) }),
    );
    const err = await rejection(verifier.verify(token('wide')));
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    // Named without the token's iss: token contents never go into messages.
    expect(err.message).toMatch(/"issuers\(iss\)\.algorithms": RS256 is not one of the verifier's/);
    expect(err.message).not.toContain('/realms/');
  });

  it('keeps at most maxIssuers entries: the least recently used goes, and comes back with a refetch', async () => {
    for (const t of ['t1', 't2', 't3']) publish(t);
    const calls: string[] = [];
    const verifier = createVerifier(base({ issuers: tenants(() => true, calls), maxIssuers: 2 }));
    await verifier.verify(token('t1'));
    await verifier.verify(token('t2'));
    await verifier.verify(token('t1')); // t1 is now the most recent
    now += 30_000; // at most maxIssuers new entries per 30 s window
    await verifier.verify(token('t3')); // evicts t2
    expect([hits('t1'), hits('t2'), hits('t3')]).toEqual([1, 1, 1]);
    await verifier.verify(token('t1'));
    expect(hits('t1')).toBe(1);
    now += 30_000;
    await verifier.verify(token('t2')); // back: the function is asked again, keys fetched again
    expect(hits('t2')).toBe(2);
    expect(calls.filter((iss) => iss === realm('t2'))).toHaveLength(2);
    verifier.close?.();
  });

  it('does not serve a cached token of an evicted entry without asking the function again', async () => {
    const key = ecKey('static');
    const calls: string[] = [];
    const allowed = new Set(['s1', 's2', 's3']);
    const verifier = createVerifier(
      base({
        cache: true,
        maxIssuers: 2,
        issuers: (iss) => {
          calls.push(iss);
          const tenant = iss.slice(iss.lastIndexOf('/') + 1);
          return allowed.has(tenant) ? { key: key.publicKey, label: tenant } : undefined;
        },
      }),
    );
    const first = token('s1', key);
    await verifier.verify(first);
    await verifier.verify(first);
    expect(calls).toHaveLength(1);
    await verifier.verify(token('s2', key));
    now += 30_000;
    await verifier.verify(token('s3', key)); // evicts s1
    allowed.delete('s1'); // the tenant is gone
    expect((await rejection(verifier.verify(first))).code).toBe('ERR_JWT_ISSUER_MISMATCH');
  });

  it('bounds a flood of made-up tenants: entries and fetches ≤ maxIssuers per window', async () => {
    const max = 100;
    const verifier = createVerifier(
      base({
        maxIssuers: max,
        issuers: (iss) =>
          /^http:\/\/127\.0\.0\.1:\d+\/flood\/t\d+$/.test(iss) ? { discovery: true } : undefined,
      }),
    );
    // Never signed: the key lookup of a made-up tenant comes before any signature check.
    const header = b64(JSON.stringify({ alg: 'ES256', kid: 'attacker' }));
    const junk = Buffer.alloc(64, 7).toString('base64url');
    const forged = (i: number): string =>
      `${header}.${b64(JSON.stringify(claims({ iss: `${server.origin}/flood/t${i}` })))}.${junk}`;
    const codes = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const err = await rejection(verifier.verify(forged(i)));
      codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
    }
    let fetches = 0;
    for (let i = 0; i < 10_000; i++) {
      fetches += server.hits(`/flood/t${i}/.well-known/openid-configuration`);
    }
    // The first 100 tenants fetch their (missing) discovery document once; the rest are held off.
    expect(fetches).toBe(max);
    expect(codes.get('ERR_JWKS_UNAVAILABLE')).toBe(10_000);
    const held = await rejection(verifier.verify(forged(10_001)));
    expect(held.retryAfter).toBe(30);
    // A new window admits another batch, evicting the oldest: still at most maxIssuers live.
    now += 30_000;
    for (let i = 20_000; i < 20_000 + 2 * max; i++) await rejection(verifier.verify(forged(i)));
    let later = 0;
    for (let i = 20_000; i < 20_000 + 2 * max; i++) {
      later += server.hits(`/flood/t${i}/.well-known/openid-configuration`);
    }
    expect(later).toBe(max);
    verifier.close?.();
  }, 60_000);
});
