import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { jwt, withAuth } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

interface Claims {
  sub: string;
  plan: 'free' | 'pro';
}

describe.each(MAJORS)('withAuth on %s', (_name, express) => {
  let ran = 0;
  const seen: unknown[] = [];
  const app = express()
    .use(jwt({ ...VERIFY, credentialsRequired: false }))
    .get(
      '/plan',
      withAuth<Claims>((req, res) => {
        ran++;
        res.json({ sub: req.auth.sub, plan: req.auth.plan, token: req.token.length > 0 });
      }),
    )
    .get(
      '/async',
      withAuth(async () => {
        throw new Error('async handler failed');
      }),
    )
    .use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      seen.push(err);
      res.status(500).json({ error: (err as Error).message });
    });

  test('gives the handler the typed claims', async () => {
    const token = await sign({ sub: 'pat', plan: 'pro' });
    const res = await request(app).get('/plan').set('Authorization', `Bearer ${token}`);
    expect(res.body).toEqual({ sub: 'pat', plan: 'pro', token: true });
  });

  test('answers 401 for an anonymous request instead of running the handler', async () => {
    ran = 0;
    const res = await request(app).get('/plan');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_JWT_MISSING');
    expect(ran).toBe(0);
  });

  test('a rejected handler reaches the error handler (on Express 4 too)', async () => {
    const token = await sign();
    const res = await request(app).get('/async').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'async handler failed' });
  });
});
