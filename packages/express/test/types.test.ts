// Compile-time checks (this file is type-checked with the package): claims are typed per route,
// with no global type on every request.
import express, { type Request } from 'express';
import {
  jwt,
  requireClaims,
  withAuth,
  type AuthRequest,
  type AuthenticatedRequest,
} from '../src/index.js';

interface Claims {
  sub: string;
  plan: 'free' | 'pro';
}

test('claims typing per route', () => {
  const app = express();
  app.get(
    '/plan',
    jwt({ credentialsRequired: false, algorithms: ['HS256'], key: 'k'.repeat(32) }),
    (req: AuthRequest<Claims>, res) => {
      const plan: 'free' | 'pro' | undefined = req.auth?.plan;
      // @ts-expect-error auth may be undefined on an AuthRequest
      const unchecked: string = req.auth.plan;
      res.json({ plan, unchecked });
    },
  );
  app.get(
    '/me',
    withAuth<Claims>((req, res) => {
      const plan: 'free' | 'pro' = req.auth.plan;
      const token: string = req.token;
      // @ts-expect-error not a claim of Claims
      void req.auth.email;
      res.json({ plan, token });
    }),
  );
  app.get(
    '/pro',
    requireClaims<Claims>((claims) => claims.plan === 'pro'),
    (_req, res) => {
      res.end();
    },
  );
  // No global augmentation: a plain Express request has no `auth`.
  const plain = (req: Request) =>
    // @ts-expect-error auth is not on every request
    req.auth;
  const authed = (req: AuthenticatedRequest<Claims>): string => req.auth.sub;
  expect([plain, authed].length).toBe(2);
});
