import type { Context } from 'koa';
import { describeDpopOverHttp } from '@tokenward/test-tokens';
import { jwt } from '../src/index.js';
import { MAJORS, VERIFY, route, sign } from './fixtures.js';

// The DPoP walk every adapter shares, on both Koa majors, behind `app.proxy`.
for (const [name, Koa] of MAJORS) {
  describeDpopOverHttp(name, { VERIFY, sign }, (routes, ran) => {
    const app = new Koa();
    app.silent = true;
    app.proxy = true;
    const handler = (ctx: Context) => {
      ran();
      ctx.body = { sub: (ctx.state.user as { sub?: string } | undefined)?.sub ?? null };
    };
    const chains = Object.fromEntries(
      Object.entries(routes).map(([path, options]) => [path, [jwt(options), handler]]),
    );
    app.use(route(chains) as never);
    return app.callback();
  });
}
