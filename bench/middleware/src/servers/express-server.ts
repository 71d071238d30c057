import type { Server } from 'node:http';
import { jwt } from '@tokenward/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { expressjwt } from 'express-jwt';
import type { Material } from '../material.js';
import type { Scenario } from '../scenarios.js';
import { tokenwardOptions } from './tokenward-options.js';

/**
 * Starts the Express server of a scenario on 127.0.0.1 (a free port).
 *
 * @param scenario - bare, tokenward or express-jwt
 * @param material - keys and URLs
 * @returns the listening server
 * @example
 * ```ts
 * const server = await startExpress(scenario, material);
 * ```
 */
export async function startExpress(scenario: Scenario, material: Material): Promise<Server> {
  const app = express();
  if (scenario.guard === 'tokenward') app.use(jwt(tokenwardOptions(scenario, material)));
  if (scenario.guard === 'peer') {
    app.use(
      expressjwt({
        secret: material.secret,
        algorithms: ['HS256'],
        issuer: material.issuer,
        audience: material.audience,
      }),
    );
  }
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  // express-jwt hands failures to next(err): answer them as an app would (tokenward answers itself).
  app.use(
    (
      err: { status?: number; code?: string },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      res.status(err.status ?? 500).json({ error: err.code ?? 'error' });
    },
  );
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}
