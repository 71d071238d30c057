// Drives the HTTP contract of DESIGN.md §8 over real HTTP against the app, in-process.
import { MemoryRevocationStore, generateSecret } from '@tokenward/core';
import request from 'supertest';
import { createApp } from '../src/app.js';
import { configFromEnv, type ExampleConfig } from '../src/config.js';

const stores: MemoryRevocationStore[] = [];
afterAll(() => stores.forEach((store) => store.close()));

function config(): ExampleConfig {
  const revocation = new MemoryRevocationStore();
  stores.push(revocation);
  return {
    secret: generateSecret('HS256'),
    issuer: 'tokenward-example',
    audience: 'tokenward-example-api',
    revocation,
    tokenLifetime: 900,
  };
}

const app = createApp(config());

async function login(username: string, password: string) {
  return request(app.callback()).post('/auth/login').send({ username, password });
}

describe('the example contract', () => {
  test('GET /public needs no token', async () => {
    const res = await request(app.callback()).get('/public');
    expect(res.status).toBe(200);
  });

  test('login with a wrong password or an unknown user is 401, and sets no cookie', async () => {
    for (const [user, password] of [
      ['bob', 'guess'],
      ['mallory', 'bob-password'],
      ['bob', ''],
    ]) {
      const res = await login(user as string, password as string);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 'invalid_credentials',
        error_description: expect.any(String),
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const odd = await request(app.callback())
      .post('/auth/login')
      .send({ username: ['bob'], password: { x: 1 } });
    expect(odd.status).toBe(401);
  });

  test('login returns a Bearer token and the auth cookie (no Secure on plain-HTTP localhost)', async () => {
    const res = await login('bob', 'bob-password');
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
    const res = await request(app.callback())
      .post('/auth/login')
      .set('Host', 'api.example.com')
      .send({ username: 'bob', password: 'bob-password' });
    const [cookie] = res.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });

  test('GET /me answers the verified claims, by header or by cookie; 401 without a token', async () => {
    const { body } = await login('bob', 'bob-password');
    const byHeader = await request(app.callback())
      .get('/me')
      .set('Authorization', `Bearer ${body.access_token}`);
    expect(byHeader.status).toBe(200);
    expect(byHeader.body).toMatchObject({
      sub: 'bob',
      roles: ['user'],
      iss: 'tokenward-example',
      aud: 'tokenward-example-api',
      jti: expect.any(String),
    });
    expect(byHeader.body.exp - byHeader.body.iat).toBe(900);
    const byCookie = await request(app.callback())
      .get('/me')
      .set('Cookie', `access_token=${body.access_token}`);
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.sub).toBe('bob');
    const anonymous = await request(app.callback()).get('/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(anonymous.body.code).toBe('ERR_JWT_MISSING');
  });

  test('GET /admin is 403 insufficient_scope for bob and 200 for alice', async () => {
    const bob = (await login('bob', 'bob-password')).body.access_token as string;
    const denied = await request(app.callback())
      .get('/admin')
      .set('Authorization', `Bearer ${bob}`);
    expect(denied.status).toBe(403);
    expect(denied.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope", scope="admin"',
    );
    expect(denied.body.code).toBe('ERR_JWT_INSUFFICIENT_SCOPE');
    const alice = (await login('alice', 'alice-password')).body.access_token as string;
    const allowed = await request(app.callback())
      .get('/admin')
      .set('Authorization', `Bearer ${alice}`);
    expect(allowed.status).toBe(200);
  });

  test('POST /auth/logout revokes the token: 204, then the same token is 401 revoked', async () => {
    const token = (await login('bob', 'bob-password')).body.access_token as string;
    const other = (await login('bob', 'bob-password')).body.access_token as string;
    const out = await request(app.callback())
      .post('/auth/logout')
      .set('Authorization', `Bearer ${token}`);
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toEqual([
      'access_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict',
    ]);
    const replay = await request(app.callback()).get('/me').set('Authorization', `Bearer ${token}`);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('ERR_JWT_REVOKED');
    // Only that token: bob's other session goes on.
    expect(
      (await request(app.callback()).get('/me').set('Authorization', `Bearer ${other}`)).status,
    ).toBe(200);
    expect((await request(app.callback()).post('/auth/logout')).status).toBe(401);
  });

  test('logout by cookie from a foreign origin is refused (CSRF)', async () => {
    const token = (await login('bob', 'bob-password')).body.access_token as string;
    const res = await request(app.callback())
      .post('/auth/logout')
      .set('Cookie', `access_token=${token}`)
      .set('Origin', 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ERR_JWT_CSRF');
    expect(
      (await request(app.callback()).get('/me').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(200);
  });

  test('a token of another app (other secret) is refused', async () => {
    const other = createApp(config());
    const token = (
      await request(other.callback())
        .post('/auth/login')
        .send({ username: 'alice', password: 'alice-password' })
    ).body.access_token as string;
    const res = await request(app.callback()).get('/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_JWT_SIGNATURE_INVALID');
  });
});

describe('configuration from the environment', () => {
  test('defaults: port 3000, a random 32-byte secret per start, the example issuer and audience', async () => {
    const a = configFromEnv({});
    const b = configFromEnv({});
    try {
      expect(a.port).toBe(3000);
      expect(a.config.issuer).toBe('tokenward-example');
      expect(a.config.audience).toBe('tokenward-example-api');
      expect(Buffer.from(a.config.secret).length).toBe(32);
      expect(Buffer.from(a.config.secret).equals(Buffer.from(b.config.secret))).toBe(false);
      expect(a.config.revocation).toBeInstanceOf(MemoryRevocationStore);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('PORT, JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE are honoured', async () => {
    const env = configFromEnv({
      PORT: '4100',
      JWT_SECRET: 'an example secret of at least 32 bytes!',
      JWT_ISSUER: 'me',
      JWT_AUDIENCE: 'you',
    });
    try {
      expect(env.port).toBe(4100);
      expect(env.config).toMatchObject({
        secret: 'an example secret of at least 32 bytes!',
        issuer: 'me',
        audience: 'you',
      });
    } finally {
      await env.close();
    }
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow('PORT');
  });

  test('REDIS_URL puts revocations in Redis: a logout holds across two app instances', async () => {
    const env = configFromEnv({
      REDIS_URL: 'redis://127.0.0.1:6379/11',
      JWT_SECRET: 'an example secret of at least 32 bytes!',
    });
    const peer = configFromEnv({
      REDIS_URL: 'redis://127.0.0.1:6379/11',
      JWT_SECRET: 'an example secret of at least 32 bytes!',
    });
    try {
      expect(env.config.revocation).not.toBeInstanceOf(MemoryRevocationStore);
      const first = createApp(env.config);
      const second = createApp(peer.config);
      const token = (
        await request(first.callback())
          .post('/auth/login')
          .send({ username: 'alice', password: 'alice-password' })
      ).body.access_token as string;
      expect(
        (await request(second.callback()).get('/me').set('Authorization', `Bearer ${token}`))
          .status,
      ).toBe(200);
      expect(
        (
          await request(first.callback())
            .post('/auth/logout')
            .set('Authorization', `Bearer ${token}`)
        ).status,
      ).toBe(204);
      const replay = await request(second.callback())
        .get('/me')
        .set('Authorization', `Bearer ${token}`);
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('ERR_JWT_REVOKED');
    } finally {
      await env.close();
      await peer.close();
    }
  });
});
