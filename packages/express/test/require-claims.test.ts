import { JwtError } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { jwt, requireClaims } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

describe.each(MAJORS)('requireClaims on %s', (_name, express) => {
  const seen: unknown[] = [];
  const app = express()
    .use(jwt({ ...VERIFY, credentialsRequired: false }))
    .get(
      '/verified',
      requireClaims<{ email_verified?: boolean }>((c) => c.email_verified === true),
      (_req, res) => {
        res.json({ ok: true });
      },
    )
    .get(
      '/tenant',
      requireClaims(async (c, req) => c.tenant === req.query.tenant),
      (_req, res) => {
        res.json({ ok: true });
      },
    )
    .get(
      '/buggy',
      requireClaims(() => {
        throw new Error('predicate bug');
      }),
      (_req, res) => {
        res.json({ ok: true });
      },
    )
    .use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      seen.push(err);
      res.status(500).json({ bug: (err as Error).message });
    });
  const get = async (path: string, claims?: Record<string, unknown>) => {
    const req = request(app).get(path);
    return claims === undefined ? req : req.set('Authorization', `Bearer ${await sign(claims)}`);
  };

  test('true admits the request', async () => {
    expect((await get('/verified', { email_verified: true })).status).toBe(200);
  });

  test('false is 403 insufficient_scope without a scope attribute', async () => {
    const res = await get('/verified', { email_verified: 'yes' });
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope"',
    );
    expect(res.body.code).toBe('ERR_JWT_INSUFFICIENT_SCOPE');
  });

  test('an async predicate receives the request', async () => {
    expect((await get('/tenant?tenant=acme', { tenant: 'acme' })).status).toBe(200);
    expect((await get('/tenant?tenant=other', { tenant: 'acme' })).status).toBe(403);
  });

  test('anonymous is 401', async () => {
    expect((await get('/verified')).status).toBe(401);
  });

  test('a throwing predicate is a bug: next(err), not a 403', async () => {
    const res = await get('/buggy', { sub: 'x' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ bug: 'predicate bug' });
    expect(seen.at(-1)).not.toBeInstanceOf(JwtError);
  });
});

test('requireClaims refuses a non-function', () => {
  expect(() => requireClaims('email_verified' as never)).toThrow('"predicate"');
  expect(requireClaims(() => true).name).toBe('requireClaimsMiddleware');
});
