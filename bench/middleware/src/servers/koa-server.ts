import { createServer, type Server } from 'node:http';
import { jwt } from '@tokenward/koa';
import Koa from 'koa';
import koaJwt from 'koa-jwt';
import type { Material } from '../material.js';
import type { Scenario } from '../scenarios.js';
import { tokenwardOptions } from './tokenward-options.js';

/**
 * Starts the Koa server of a scenario on 127.0.0.1 (a free port).
 *
 * @param scenario - bare, tokenward or koa-jwt
 * @param material - keys and URLs
 * @returns the listening server
 * @example
 * ```ts
 * const server = await startKoa(scenario, material);
 * ```
 */
export async function startKoa(scenario: Scenario, material: Material): Promise<Server> {
  const app = new Koa();
  if (scenario.guard === 'tokenward') app.use(jwt(tokenwardOptions(scenario, material)));
  if (scenario.guard === 'peer') {
    app.use(
      koaJwt({
        secret: material.secret,
        algorithms: ['HS256'],
        issuer: material.issuer,
        audience: material.audience,
      }),
    );
  }
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const server = createServer(app.callback());
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
