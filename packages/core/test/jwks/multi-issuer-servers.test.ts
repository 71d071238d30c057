import { createAuthenticator, type Authenticator } from '@tokenward/core';
import { startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { ecKey, type TestKey } from '../helpers/test-keys';
import { startViewServer, type ViewServer } from '../helpers/view-server';
import { signToken } from '../verify/token-helpers';

// Two identity providers on real local servers: A publishes a JWK Set at a fixed URL, B an OpenID
// discovery document. One API trusts both; a third issuer's key set was never reachable.
let idpA: JwksServer;
let idpB: JwksServer;
let down: JwksServer;
let api: ViewServer;
let auth: Authenticator;
let now = 1_800_000_000_000;
const clock = (): number => now;
const keyA = ecKey('a1');
const keyB = ecKey('b1');

beforeAll(async () => {
  [idpA, idpB, down] = await Promise.all([startJwksServer(), startJwksServer(), startJwksServer()]);
  idpA.route('/jwks', { keys: [keyA.jwk] });
  idpB.route('/.well-known/openid-configuration', {
    issuer: idpB.origin,
    jwks_uri: `${idpB.origin}/keys`,
  });
  idpB.route('/keys', { keys: [keyB.jwk] });
  const unreachable = `${down.origin}/jwks`;
  await down.close();
  auth = createAuthenticator({
    algorithms: ['ES256'],
    audience: 'api',
    clock,
    issuers: {
      [idpA.origin]: { jwksUri: `${idpA.origin}/jwks`, label: 'a' },
      [idpB.origin]: { discovery: true, label: 'b' },
      'https://never.example': { jwksUri: unreachable, label: 'never' },
    },
  });
  api = await startViewServer(async (view) => {
    const result = await auth.authenticate(view);
    return result.authenticated ? result.issuer : null;
  });
});
afterAll(async () => {
  auth.verifier.close?.();
  await Promise.all([api.close(), idpB.close()]);
});

const token = (key: TestKey, iss: string): string =>
  signToken(
    'ES256',
    key.privateKey,
    { alg: 'ES256', kid: key.kid },
    { iss, aud: 'api', sub: 'alice', iat: now / 1000, exp: now / 1000 + 3600 },
  );
async function call(jwt: string) {
  const res = await fetch(`http://127.0.0.1:${api.port}/`, {
    headers: { authorization: `Bearer ${jwt}` },
  });
  const body = (await res.json()) as unknown;
  return { status: res.status, headers: res.headers, json: () => body };
}

describe('two issuers on real key-set servers', () => {
  it('serves each issuer from its own server; an outage of one leaves the other untouched', async () => {
    const a = await call(token(keyA, idpA.origin));
    expect([a.status, a.json()]).toEqual([200, { iss: idpA.origin, label: 'a' }]);
    const b = await call(token(keyB, idpB.origin));
    expect([b.status, b.json()]).toEqual([200, { iss: idpB.origin, label: 'b' }]);
    expect(idpB.hits('/.well-known/openid-configuration')).toBe(1);

    // A token signed by A's key but claiming B: checked with B's keys only, never A's.
    const forged = await call(token(keyA, idpB.origin));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);

    // The issuer whose key set was never reachable: 503 with Retry-After, nothing cached.
    const never = await call(token(keyA, 'https://never.example'));
    expect(never.status).toBe(503);
    expect(Number(never.headers.get('retry-after'))).toBeGreaterThan(0);

    // A goes down; past its cache age its known keys still serve (stale-if-error), B is untouched.
    await idpA.close();
    now += 11 * 60_000;
    expect((await call(token(keyA, idpA.origin))).status).toBe(200);
    expect((await call(token(keyB, idpB.origin))).status).toBe(200);
    // B's stale set answered at once; its one background refresh reaches B's server, not A's.
    for (let i = 0; i < 100 && idpB.hits('/keys') < 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(idpB.hits('/keys')).toBe(2);

    // Past stale-if-error, A fails closed; B keeps working.
    now += 61 * 60_000;
    const gone = await call(token(keyA, idpA.origin));
    expect(gone.status).toBe(503);
    expect(Number(gone.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(token(keyB, idpB.origin))).status).toBe(200);
  });
});
