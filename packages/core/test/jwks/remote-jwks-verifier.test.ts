import { SignJWT } from 'jose';
import { createAuthenticator, createRemoteJwks, createVerifier, JwtError } from '@tokenward/core';
import { json, startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { ecKey, type TestKey } from '../helpers/test-keys';

let server: JwksServer;
let now = 1_700_000_000_000;
const clock = () => now;
const k1 = ecKey('k1');
const k2 = ecKey('k2');

beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

function sign(key: TestKey, claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ sub: 'alice', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setExpirationTime(Math.floor(now / 1000) + 3600)
    .sign(key.privateKey);
}

const view = (token: string) => ({
  method: 'GET',
  url: '/',
  headers: { authorization: `Bearer ${token}` },
  secure: true,
});

describe('a remote JWK Set as the verifier key', () => {
  it('verifies tokens, follows a rotation, and fails closed during an outage', async () => {
    server.route('/e2e', { keys: [k1.jwk] });
    const auth = createAuthenticator({
      algorithms: ['ES256'],
      key: createRemoteJwks(`${server.origin}/e2e`, { clock }),
      clock,
    });
    expect(await auth.authenticate(view(await sign(k1)))).toMatchObject({
      authenticated: true,
      header: { alg: 'ES256', kid: 'k1' },
    });

    // Rotation: the issuer publishes k2; a k2 token refetches once the cooldown allows it.
    server.route('/e2e', { keys: [k1.jwk, k2.jwk] });
    now += 31_000;
    expect((await auth.authenticate(view(await sign(k2)))).authenticated).toBe(true);
    expect(server.hits('/e2e')).toBe(2);

    // A forged kid is just an unknown key: 401, and no fetch within the cooldown.
    const forged = await sign({ ...k1, kid: 'attacker' });
    await expect(auth.authenticate(view(forged))).rejects.toMatchObject({
      code: 'ERR_JWT_KEY_NOT_FOUND',
      status: 401,
      realm: 'api',
    });
    expect(server.hits('/e2e')).toBe(2);

    // Outage past the stale window: 503 with Retry-After and no challenge.
    server.route('/e2e', (_q: unknown, r: Parameters<typeof json>[0]) => json(r, 'down', 502));
    now += 2 * 3_600_000;
    const err = (await auth
      .authenticate(view(await sign(k1)))
      .catch((e: unknown) => e)) as JwtError;
    expect(err).toBeInstanceOf(JwtError);
    expect(err.code).toBe('ERR_JWKS_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(err.headers).toEqual({ 'Retry-After': '30' });
  });

  it('never takes oct keys from a set for HS tokens (no alg confusion)', async () => {
    const secret = Buffer.alloc(32, 7);
    server.route('/oct', {
      keys: [{ kty: 'oct', kid: 'h', k: secret.toString('base64url') }, k1.jwk],
    });
    const verifier = createVerifier({
      algorithms: ['HS256', 'ES256'],
      key: createRemoteJwks(`${server.origin}/oct`, { clock }),
      clock,
    });
    const token = await new SignJWT({ sub: 'mallory' })
      .setProtectedHeader({ alg: 'HS256', kid: 'h' })
      .setExpirationTime(Math.floor(now / 1000) + 60)
      .sign(secret);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'ERR_JWT_KEY_NOT_FOUND' });
  });
});
