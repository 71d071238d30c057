// POST /auth/login (DESIGN.md §8): credentials, the token answer, the auth cookie and its flags.
import request from 'supertest';
import { login } from '../client.js';

/**
 * Registers the login tests against the app `url()` names.
 *
 * @param url - the base URL of the running example (read inside each test)
 * @example
 * ```ts
 * loginContract(() => running.baseUrl);
 * ```
 */
export function loginContract(url: () => string): void {
  test('login with a wrong password or an unknown user is 401, and sets no cookie', async () => {
    for (const [user, password] of [
      ['bob', 'guess'],
      ['mallory', 'bob-password'],
      ['bob', ''],
    ] as const) {
      const res = await login(url(), user, password);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 'invalid_credentials',
        error_description: expect.any(String),
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  test('a login body that is not two strings is 400 in the same JSON shape, never a 500 or a stack', async () => {
    const bodies: string[] = [
      '{"username":"bob","password":{"toString":1}}',
      '{"username":["bob"],"password":{"x":1}}',
      '{"username":"bob","password":1}',
      '{"username":"bob"}',
      '{}',
      '[]',
      '"bob"',
      'null',
      '{"username":',
    ];
    for (const body of bodies) {
      const res = await request(url())
        .post('/auth/login')
        .set('Content-Type', 'application/json')
        .send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
      expect(res.text).not.toMatch(/\bat \S+ \(|node_modules|Error:/);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const form = await request(url()).post('/auth/login').type('form').send('username=bob');
    expect(form.status).toBe(400);
    expect(form.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
  });

  test('login returns a Bearer token and the auth cookie (no Secure on plain-HTTP localhost)', async () => {
    const res = await login(url(), 'bob', 'bob-password');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
    });
    const [cookie] = res.headers['set-cookie'] as unknown as string[];
    // Max-Age runs until the token's exp: 900 s, or 899 when a second ticked since signing.
    expect(cookie).toMatch(
      /^access_token=([^;]+); Max-Age=(900|899); Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie?.split(';')[0]).toBe(`access_token=${res.body.access_token}`);
  });

  test('the cookie is Secure when the app is not on plain-HTTP localhost', async () => {
    const res = await request(url())
      .post('/auth/login')
      .set('Host', 'api.example.com')
      .send({ username: 'bob', password: 'bob-password' });
    expect(res.status).toBe(200);
    const [cookie] = res.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });
}
