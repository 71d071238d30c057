// GET /public, /me and /admin (DESIGN.md §8): who gets in, with what answer.
import request from 'supertest';
import { getWithToken, tokenFor } from '../client.js';
import type { StartExample } from '../running-example.js';

/**
 * Registers the tests of the read routes against the app `url()` names.
 *
 * @param url - the base URL of the running example (read inside each test)
 * @param startOther - starts another instance of the same example (its own random secret)
 * @example
 * ```ts
 * routesContract(() => running.baseUrl, () => start({}));
 * ```
 */
export function routesContract(url: () => string, startOther: () => ReturnType<StartExample>) {
  test('GET /public needs no token', async () => {
    const res = await request(url()).get('/public');
    expect(res.status).toBe(200);
  });

  test('GET /me answers the verified claims, by header or by cookie; 401 without a token', async () => {
    const token = await tokenFor(url(), 'bob');
    const byHeader = await getWithToken(url(), '/me', token);
    expect(byHeader.status).toBe(200);
    expect(byHeader.body).toMatchObject({
      sub: 'bob',
      roles: ['user'],
      iss: 'tokenward-example',
      aud: 'tokenward-example-api',
      jti: expect.any(String),
    });
    expect(byHeader.body.exp - byHeader.body.iat).toBe(900);
    const byCookie = await request(url()).get('/me').set('Cookie', `access_token=${token}`);
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.sub).toBe('bob');
    const anonymous = await request(url()).get('/me');
    expect(anonymous.status).toBe(401);
    // The examples accept DPoP too (RFC 9449 §7.1): both schemes are challenged.
    expect(anonymous.headers['www-authenticate']).toBe(
      'Bearer realm="api", DPoP algs="ES256 EdDSA Ed25519 PS256 RS256"',
    );
    expect(anonymous.body.code).toBe('ERR_JWT_MISSING');
  });

  test('GET /admin is 403 insufficient_scope for bob and 200 for alice', async () => {
    const denied = await getWithToken(url(), '/admin', await tokenFor(url(), 'bob'));
    expect(denied.status).toBe(403);
    expect(denied.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope", scope="admin", DPoP algs="ES256 EdDSA Ed25519 PS256 RS256"',
    );
    expect(denied.body.code).toBe('ERR_JWT_INSUFFICIENT_SCOPE');
    const allowed = await getWithToken(url(), '/admin', await tokenFor(url(), 'alice'));
    expect(allowed.status).toBe(200);
  });

  test('a token of another start (its own random secret) is refused', async () => {
    const other = await startOther();
    try {
      const token = await tokenFor(other.baseUrl, 'alice');
      expect((await getWithToken(other.baseUrl, '/me', token)).status).toBe(200);
      const res = await getWithToken(url(), '/me', token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ERR_JWT_SIGNATURE_INVALID');
    } finally {
      await other.close();
    }
  });
}
