import {
  jwt,
  requireClaims,
  requireRoles,
  requireScopes,
  type AuthRequest,
} from '@tokenward/express';
import type express from 'express';
import type { Response } from 'express';
import type { AppConfig, ConformanceAdapter } from '../adapter.js';
import { listen } from './listen.js';

const sub = (req: AuthRequest, res: Response): void => {
  res.json({ sub: req.auth?.sub ?? null });
};

/**
 * The conformance app on one Express major (the same code runs on Express 4 and 5).
 *
 * @param name - display name
 * @param createApp - that major's `express` function
 */
export function expressAdapter(name: string, createApp: typeof express): ConformanceAdapter {
  return {
    name,
    start(config: AppConfig) {
      const app = createApp();
      app.use(jwt(config.auth).unless({ path: ['/public', '/optional'] }));
      app.get('/public', (_req, res) => {
        res.json({ public: true });
      });
      app.get('/protected', sub);
      app.post('/protected', sub);
      app.get('/admin', requireRoles('admin'), sub);
      app.get('/staff', requireRoles(['admin', 'editor'], { mode: 'any' }), sub);
      app.get('/reports', requireScopes('read:reports'), sub);
      app.get(
        '/verified',
        requireClaims((claims) => claims.email_verified === true),
        sub,
      );
      app.get('/optional', jwt({ ...config.auth, credentialsRequired: false }), sub);
      return listen(app);
    },
  };
}
