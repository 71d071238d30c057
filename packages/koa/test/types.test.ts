// Compile-time checks (this file is type-checked with the package): typed ctx.state.
import Koa from 'koa';
import { jwt, type JwtState, type OptionalJwtState } from '../src/index.js';

interface Claims {
  sub: string;
  plan: 'free' | 'pro';
}
const VERIFY = { algorithms: ['HS256' as const], key: 'k'.repeat(32) };

test('ctx.state is typed from the claims type', () => {
  const app = new Koa<JwtState<Claims>>();
  app.use(jwt<Claims>(VERIFY));
  app.use((ctx) => {
    const plan: 'free' | 'pro' = ctx.state.user.plan;
    // @ts-expect-error the raw token is on ctx.state only with tokenKey (koa-jwt's rule)
    void ctx.state.token;
    const token = 'none';
    // @ts-expect-error not a claim of Claims
    void ctx.state.user.email;
    ctx.body = { plan, token };
  });

  // app.use carries the state type along a chain.
  new Koa().use(jwt<Claims>(VERIFY)).use((ctx) => {
    const sub: string = ctx.state.user.sub;
    ctx.body = sub;
  });

  // Optional authentication types the claims as possibly absent.
  new Koa().use(jwt<Claims>({ ...VERIFY, credentialsRequired: false })).use((ctx) => {
    // @ts-expect-error user may be undefined
    void ctx.state.user.sub;
    ctx.body = ctx.state.user?.sub ?? 'anonymous';
  });

  // Custom state keys.
  new Koa()
    .use(jwt<Claims, 'auth', 'jwt'>({ ...VERIFY, stateKey: 'auth', tokenKey: 'jwt' }))
    .use((ctx) => {
      const sub: string = ctx.state.auth.sub;
      const raw: string = ctx.state.jwt;
      ctx.body = { sub, raw };
    });

  const optional: OptionalJwtState<Claims> = {};
  expect(optional.user).toBeUndefined();
});
