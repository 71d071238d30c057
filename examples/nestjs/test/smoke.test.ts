import { bootstrap, type RunningExample } from '../src/bootstrap.js';

const SECRET = 'an-example-secret-that-is-long-enough-0123';

async function call(base: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  const res = await fetch(base + path, { ...init, headers });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

async function login(base: string, username: string, password: string) {
  return call(base, '/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
  });
}

describe.each([
  ['memory store', {}],
  ['Redis store', { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }],
])('examples/nestjs over HTTP (%s)', (_name, extraEnv) => {
  let server: RunningExample;
  beforeAll(async () => {
    server = await bootstrap({ PORT: '0', JWT_SECRET: SECRET, ...extraEnv });
  });
  afterAll(() => server.close());

  it('GET /public needs no token', async () => {
    const res = await call(server.url, '/public');
    expect(res.status).toBe(200);
  });

  it('POST /auth/login issues a bearer token and an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await login(server.url, 'alice', 'alice-password');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^access_token=${res.body?.access_token as string}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    // Plain HTTP on localhost: no Secure flag, or the browser would never send it back.
    expect(cookie).not.toContain('Secure');
  });

  it('POST /auth/login answers 401 on bad credentials', async () => {
    expect((await login(server.url, 'alice', 'wrong')).status).toBe(401);
    expect((await login(server.url, 'mallory', 'alice-password')).status).toBe(401);
    expect((await call(server.url, '/auth/login', { method: 'POST', body: '{}' })).status).toBe(
      401,
    );
  });

  it('GET /me returns the verified claims, and 401 with a challenge without a token', async () => {
    const anonymous = await call(server.url, '/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    const { body } = await login(server.url, 'bob', 'bob-password');
    const me = await call(server.url, '/me', { token: body?.access_token as string });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      sub: 'bob',
      roles: ['user'],
      iss: 'tokenward-example',
      aud: 'tokenward-example-api',
      jti: expect.any(String),
    });
  });

  it('GET /me accepts the login cookie', async () => {
    const res = await login(server.url, 'bob', 'bob-password');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await call(server.url, '/me', { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect(me.body?.sub).toBe('bob');
  });

  it('GET /admin: 403 insufficient_scope for bob, 200 for alice', async () => {
    const bob = (await login(server.url, 'bob', 'bob-password')).body?.access_token as string;
    const denied = await call(server.url, '/admin', { token: bob });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(denied.body?.code).toBe('ERR_JWT_INSUFFICIENT_SCOPE');
    const alice = (await login(server.url, 'alice', 'alice-password')).body?.access_token as string;
    expect((await call(server.url, '/admin', { token: alice })).status).toBe(200);
  });

  it('POST /auth/logout revokes the token: 204, then 401', async () => {
    const token = (await login(server.url, 'alice', 'alice-password')).body?.access_token as string;
    expect((await call(server.url, '/me', { token })).status).toBe(200);
    const out = await call(server.url, '/auth/logout', { method: 'POST', token });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^access_token=; Max-Age=0/);
    const after = await call(server.url, '/me', { token });
    expect(after.status).toBe(401);
    expect(after.body?.code).toBe('ERR_JWT_REVOKED');
    expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"');
    // Another token of the same user stays valid.
    const other = (await login(server.url, 'alice', 'alice-password')).body?.access_token as string;
    expect((await call(server.url, '/me', { token: other })).status).toBe(200);
  });
});

describe('examples/nestjs with REDIS_URL', () => {
  it('shares revocations between two servers (the fleet case)', async () => {
    const env = {
      PORT: '0',
      JWT_SECRET: SECRET,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    };
    const [a, b] = await Promise.all([bootstrap(env), bootstrap(env)]);
    try {
      const token = (await login(a.url, 'bob', 'bob-password')).body?.access_token as string;
      expect((await call(b.url, '/me', { token })).status).toBe(200);
      expect((await call(a.url, '/auth/logout', { method: 'POST', token })).status).toBe(204);
      const after = await call(b.url, '/me', { token });
      expect(after.status).toBe(401);
      expect(after.body?.code).toBe('ERR_JWT_REVOKED');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('examples/nestjs configuration', () => {
  it('signs with a random secret per start when JWT_SECRET is unset', async () => {
    const a = await bootstrap({ PORT: '0' });
    const b = await bootstrap({ PORT: '0' });
    try {
      const token = (await login(a.url, 'bob', 'bob-password')).body?.access_token as string;
      expect((await call(a.url, '/me', { token })).status).toBe(200);
      expect((await call(b.url, '/me', { token })).status).toBe(401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('honours JWT_ISSUER and JWT_AUDIENCE', async () => {
    const s = await bootstrap({ PORT: '0', JWT_ISSUER: 'iss-x', JWT_AUDIENCE: 'aud-y' });
    try {
      const token = (await login(s.url, 'bob', 'bob-password')).body?.access_token as string;
      expect((await call(s.url, '/me', { token })).body).toMatchObject({
        iss: 'iss-x',
        aud: 'aud-y',
      });
    } finally {
      await s.close();
    }
  });
});
