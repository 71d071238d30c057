import { JwtError } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { jwt, requireRoles, requireScopes } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

const CHALLENGE =
  'Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope"';

describe.each(MAJORS)('requireRoles / requireScopes on %s', (_name, express) => {
  let ran: number;
  const ok = (_req: Request, res: Response) => {
    ran++;
    res.json({ ok: true });
  };
  beforeEach(() => {
    ran = 0;
  });

  function app() {
    return express()
      .use(jwt({ ...VERIFY, credentialsRequired: false }))
      .get('/admin', requireRoles('admin'), ok)
      .get('/both', requireRoles('admin', 'auditor'), ok)
      .get('/any', requireRoles(['admin', 'editor'], { mode: 'any' }), ok)
      .get('/read', requireScopes('read:a'), ok)
      .get('/read-any', requireScopes(['read:a', 'read:b'], { mode: 'any' }), ok)
      .get('/nested', requireRoles('admin'), ok);
  }
  const get = async (path: string, claims?: Record<string, unknown>) => {
    const req = request(app()).get(path);
    return claims === undefined ? req : req.set('Authorization', `Bearer ${await sign(claims)}`);
  };

  test('all of the roles by default', async () => {
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

  test("any of the roles with { mode: 'any' }", async () => {
    expect((await get('/any', { roles: ['editor'] })).status).toBe(200);
    const none = await get('/any', { roles: ['user'] });
    expect(none.status).toBe(403);
    expect(none.headers['www-authenticate']).toBe(`${CHALLENGE}, scope="admin editor"`);
  });

  test('scopes from the space-delimited scope claim, all or any', async () => {
    expect((await get('/read', { scope: 'read:x read:a' })).status).toBe(200);
    const missing = await get('/read', { scope: 'read:b' });
    expect(missing.status).toBe(403);
    expect(missing.headers['www-authenticate']).toBe(`${CHALLENGE}, scope="read:a"`);
    expect((await get('/read-any', { scope: 'read:b' })).status).toBe(200);
  });

  test('an anonymous request (optional authentication) is 401, not 403', async () => {
    const res = await get('/admin');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(res.body.code).toBe('ERR_JWT_MISSING');
    expect(ran).toBe(0);
  });

  test("the roles claim location comes from jwt()'s options (rolesClaim)", async () => {
    const keycloak = express()
      .use(jwt({ ...VERIFY, rolesClaim: 'realm_access.roles' }))
      .get('/admin', requireRoles('admin'), ok);
    const token = await sign({ realm_access: { roles: ['admin'] } });
    expect(
      (await request(keycloak).get('/admin').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(200);
  });

  test("a refusal follows jwt()'s onError", async () => {
    const seen: unknown[] = [];
    const routed = express()
      .use(jwt({ ...VERIFY, onError: 'next' }))
      .get('/admin', requireRoles('admin'), ok)
      .use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
        seen.push(err);
        res.status(418).end();
      });
    const token = await sign({ roles: ['user'] });
    expect(
      (await request(routed).get('/admin').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(418);
    expect((seen[0] as JwtError).code).toBe('ERR_JWT_INSUFFICIENT_SCOPE');
    expect((seen[0] as JwtError).scope).toEqual(['admin']);
  });

  test('without jwt() before it, a guard refuses with a configuration error (500)', async () => {
    const seen: unknown[] = [];
    const forgotten = express()
      .get('/admin', requireRoles('admin'), ok)
      .use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
        seen.push(err);
        res.status(500).end();
      });
    expect((await request(forgotten).get('/admin')).status).toBe(500);
    expect((seen[0] as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    expect((seen[0] as JwtError).message).toBe('requireRoles() needs jwt() to run before it');
    expect(ran).toBe(0);
  });
});

describe('requireRoles / requireScopes construction', () => {
  test.each([
    ['no role', () => requireRoles()],
    ['an empty role', () => requireRoles('')],
    ['a non-string', () => requireRoles(42 as never)],
    ['an empty array', () => requireRoles([], { mode: 'any' })],
    ['a bad mode', () => requireScopes(['a'], { mode: 'some' as never })],
    [
      'extra arguments after the options',
      () => (requireScopes as (...a: unknown[]) => unknown)(['a'], {}, 'b'),
    ],
  ])('refuses %s', (_case, build) => {
    expect(build).toThrow(JwtError);
  });

  test('guards are named functions', () => {
    expect(requireRoles('a').name).toBe('requireRolesMiddleware');
    expect(requireScopes('a').name).toBe('requireScopesMiddleware');
  });
});
