import { JwtError } from '@tokenward/core';
import type { Context, Next } from 'koa';
import request from 'supertest';
import { jwt, requireClaims, requireRoles, requireScopes } from '../src/index.js';
import { MAJORS, VERIFY, route, sign } from './fixtures.js';

const CHALLENGE =
  'Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope"';

describe.each(MAJORS)('route guards on %s', (_name, Koa) => {
  let ran: number;
  const ok = (ctx: Context) => {
    ran++;
    ctx.body = { ok: true };
  };
  beforeEach(() => {
    ran = 0;
  });

  const app = new Koa();
  app.silent = true;
  app.use(jwt({ ...VERIFY, credentialsRequired: false }));
  app.use(
    route({
      '/admin': [requireRoles('admin'), ok],
      '/both': [requireRoles('admin', 'auditor'), ok],
      '/any': [requireRoles(['admin', 'editor'], { mode: 'any' }), ok],
      '/read': [requireScopes('read:a'), ok],
      '/read-any': [requireScopes(['read:a', 'read:b'], { mode: 'any' }), ok],
      '/verified': [
        requireClaims<{ email_verified?: boolean }>((c) => c.email_verified === true),
        ok,
      ],
      '/tenant': [requireClaims(async (c, ctx) => c.tenant === ctx.query.tenant), ok],
      '/buggy': [
        requireClaims(() => {
          throw new Error('predicate bug');
        }),
        ok,
      ],
    }),
  );
  const get = async (path: string, claims?: Record<string, unknown>) => {
    const req = request(app.callback()).get(path);
    return claims === undefined ? req : req.set('Authorization', `Bearer ${await sign(claims)}`);
  };

  test('all of the roles by default, 403 with the scope attribute otherwise', async () => {
    expect((await get('/admin', { roles: ['admin'] })).status).toBe(200);
    expect((await get('/both', { roles: ['admin', 'auditor'] })).status).toBe(200);
    const partial = await get('/both', { roles: ['admin'] });
    expect(partial.status).toBe(403);
    expect(partial.headers['www-authenticate']).toBe(`${CHALLENGE}, scope="admin auditor"`);
    expect(partial.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The access token does not grant the required scope',
      code: 'ERR_JWT_INSUFFICIENT_SCOPE',
    });
    expect(ran).toBe(2);
  });

  test("any of the roles with { mode: 'any' }; scopes all or any", async () => {
    expect((await get('/any', { roles: ['editor'] })).status).toBe(200);
    expect((await get('/any', { roles: ['user'] })).status).toBe(403);
    expect((await get('/read', { scope: 'read:x read:a' })).status).toBe(200);
    const missing = await get('/read', { scope: 'read:b' });
    expect(missing.headers['www-authenticate']).toBe(`${CHALLENGE}, scope="read:a"`);
    expect((await get('/read-any', { scope: 'read:b' })).status).toBe(200);
  });

  test('claims predicates: true, false, async with the context', async () => {
    expect((await get('/verified', { email_verified: true })).status).toBe(200);
    const refused = await get('/verified', { email_verified: 'yes' });
    expect(refused.status).toBe(403);
    expect(refused.headers['www-authenticate']).toBe(CHALLENGE);
    expect((await get('/tenant?tenant=acme', { tenant: 'acme' })).status).toBe(200);
    expect((await get('/tenant?tenant=other', { tenant: 'acme' })).status).toBe(403);
  });

  test('a throwing predicate is a bug: a 500, not a 403', async () => {
    const res = await get('/buggy', { sub: 'x' });
    expect(res.status).toBe(500);
    expect(ran).toBe(0);
  });

  test('an anonymous request is 401', async () => {
    for (const path of ['/admin', '/read', '/verified']) {
      const res = await get(path);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    }
    expect(ran).toBe(0);
  });

  test("a refusal is thrown to the app's error middleware as a JwtError", async () => {
    const seen: unknown[] = [];
    const own = new Koa();
    own.use(async (ctx: Context, next: Next) => {
      try {
        await next();
      } catch (err) {
        seen.push(err);
        ctx.status = 418;
      }
    });
    own.use(jwt({ ...VERIFY, stateKey: 'auth' }));
    own.use(route({ '/admin': [requireRoles('admin'), ok] }));
    const token = await sign({ roles: ['user'] });
    const res = await request(own.callback()).get('/admin').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(418);
    expect(seen[0]).toBeInstanceOf(JwtError);
    expect((seen[0] as JwtError).scope).toEqual(['admin']);
  });

  test('without jwt() before it, a guard fails with a configuration error (500)', async () => {
    const bare = new Koa();
    bare.silent = true;
    const seen: unknown[] = [];
    bare.on('error', (err) => seen.push(err));
    bare.use(route({ '/admin': [requireRoles('admin'), ok] }));
    expect((await request(bare.callback()).get('/admin')).status).toBe(500);
    expect((seen[0] as JwtError).message).toBe('requireRoles() needs jwt() to run before it');
  });
});

describe('guard construction', () => {
  test.each([
    ['no role', () => requireRoles()],
    ['an empty scope', () => requireScopes('')],
    ['a bad mode', () => requireRoles(['a'], { mode: 'most' as never })],
    ['a non-function predicate', () => requireClaims({} as never)],
  ])('refuses %s', (_case, build) => {
    expect(build).toThrow(JwtError);
  });

  test('guards are named functions', () => {
    expect(requireRoles('a').name).toBe('requireRolesMiddleware');
    expect(requireScopes('a').name).toBe('requireScopesMiddleware');
    expect(requireClaims(() => true).name).toBe('requireClaimsMiddleware');
  });
});
