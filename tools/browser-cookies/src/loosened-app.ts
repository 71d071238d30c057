// The control: the examples' cookie login and logout, but with `allowedOrigins` deliberately
// loosened to trust another origin of the same host. The browser scenarios must catch it.
import {
  clearAuthCookie,
  createSigner,
  generateSecret,
  MemoryRevocationStore,
  serializeAuthCookie,
} from '@tokenward/core';
import { jwt, withAuth } from '@tokenward/express';
import express from 'express';
import type { BrowserApp } from './examples.js';
import { serveRecorded } from './recorded-server.js';

/**
 * Starts an Express app whose cookie authentication trusts `trustedOrigin` besides its own.
 *
 * @param trustedOrigin - the origin wrongly listed in `allowedOrigins`
 * @returns the app as the browser reaches it
 * @example
 * ```ts
 * const app = await startLoosenedApp(`http://localhost:${evil.port}`);
 * ```
 */
export async function startLoosenedApp(trustedOrigin: string): Promise<BrowserApp> {
  const key = generateSecret('HS256');
  const revocation = new MemoryRevocationStore();
  const signer = createSigner({ algorithm: 'HS256', key, expiresIn: 900 });
  const cookie = { name: 'access_token', secure: false };
  const auth = jwt({
    algorithms: ['HS256'],
    key,
    requiredClaims: ['exp', 'jti'],
    revocation,
    cookie: cookie.name,
    allowedOrigins: [trustedOrigin],
  });
  const app = express();
  app.use(express.json());
  app.get('/public', (_req, res) => void res.json({ message: 'Anyone can read this.' }));
  app.post('/auth/login', async (_req, res) => {
    const token = await signer.sign({ sub: 'alice' });
    res.setHeader('Set-Cookie', serializeAuthCookie(token, cookie));
    res.json({ access_token: token, token_type: 'Bearer', expires_in: 900 });
  });
  app.get(
    '/me',
    auth,
    withAuth((req, res) => void res.json(req.auth)),
  );
  app.post(
    '/auth/logout',
    auth,
    withAuth(async (req, res) => {
      const { jti, iss, exp } = req.auth as { jti: string; iss?: string; exp: number };
      await revocation.revoke({ jti, iss, exp });
      res.setHeader('Set-Cookie', clearAuthCookie(cookie));
      res.status(204).end();
    }),
  );
  const running = await serveRecorded(app, async () => revocation.close());
  return { origin: `http://localhost:${running.port}`, seen: running.seen, close: running.close };
}
