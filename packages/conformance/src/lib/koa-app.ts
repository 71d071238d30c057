import { jwt, requireClaims, requireRoles, requireScopes } from '@tokenward/koa';
import type Koa from 'koa';
import type { Context, Middleware, Next } from 'koa';
import type { AppConfig, ConformanceAdapter } from '../adapter.js';
import { listen } from './listen.js';

type Route = readonly [method: string, path: string, ...chain: Middleware[]];

// A minimal router, so that the table tests the adapter and not a router package.
function routes(table: readonly Route[]): Middleware {
  return async function router(ctx: Context, next: Next) {
    const route = table.find(([method, path]) => method === ctx.method && path === ctx.path);
    if (route === undefined) return next();
    const [, , ...chain] = route;
    const run = async (i: number): Promise<void> => {
      await chain[i]?.(ctx, () => run(i + 1));
    };
    await run(0);
  };
}

const sub: Middleware = (ctx) => {
  const user = ctx.state.user as { sub?: unknown } | undefined;
  ctx.body = { sub: user?.sub ?? null };
};

/**
 * The conformance app on one Koa major (the same code runs on Koa 2 and 3).
 *
 * @param name - display name
 * @param KoaClass - that major's `Koa` class
 */
export function koaAdapter(name: string, KoaClass: typeof Koa): ConformanceAdapter {
  return {
    name,
    start(config: AppConfig) {
      const app = new KoaClass();
      app.use(jwt(config.auth).unless({ path: ['/public', '/optional'] }));
      app.use(
        routes([
          [
            'GET',
            '/public',
            (ctx) => {
              ctx.body = { public: true };
            },
          ],
          ['GET', '/protected', sub],
          ['POST', '/protected', sub],
          ['GET', '/admin', requireRoles('admin'), sub],
          ['GET', '/staff', requireRoles(['admin', 'editor'], { mode: 'any' }), sub],
          ['GET', '/reports', requireScopes('read:reports'), sub],
          ['GET', '/verified', requireClaims((claims) => claims.email_verified === true), sub],
          ['GET', '/optional', jwt({ ...config.auth, credentialsRequired: false }), sub],
        ]),
      );
      return listen(app.callback());
    },
  };
}
