// POST /auth/logout (DESIGN.md §8): revocation by jti, the cleared cookie, CSRF on cookie logins.
import request from 'supertest';
import { getWithToken, tokenFor } from '../client.js';

/**
 * Registers the logout tests against the app `url()` names.
 *
 * @param url - the base URL of the running example (read inside each test)
 * @example
 * ```ts
 * logoutContract(() => running.baseUrl);
 * ```
 */
export function logoutContract(url: () => string): void {
  test('POST /auth/logout revokes the token: 204, then the same token is 401 revoked', async () => {
    const token = await tokenFor(url(), 'bob');
    const other = await tokenFor(url(), 'bob');
    expect((await getWithToken(url(), '/me', token)).status).toBe(200);
    const out = await request(url()).post('/auth/logout').set('Authorization', `Bearer ${token}`);
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toEqual([
      'access_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict',
    ]);
    const replay = await getWithToken(url(), '/me', token);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('ERR_JWT_REVOKED');
    expect(replay.headers['www-authenticate']).toContain('error="invalid_token"');
    // Only that token: bob's other session goes on.
    expect((await getWithToken(url(), '/me', other)).status).toBe(200);
    expect((await request(url()).post('/auth/logout')).status).toBe(401);
  });

  test('logout by cookie from a foreign origin is refused (CSRF)', async () => {
    const token = await tokenFor(url(), 'bob');
    const res = await request(url())
      .post('/auth/logout')
      .set('Cookie', `access_token=${token}`)
      .set('Origin', 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ERR_JWT_CSRF');
    expect((await getWithToken(url(), '/me', token)).status).toBe(200);
  });
}
