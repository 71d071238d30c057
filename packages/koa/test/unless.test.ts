import type { Context } from 'koa';
import request from 'supertest';
import { jwt, type UnlessOptions } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

describe.each(MAJORS)('.unless() on %s', (_name, Koa) => {
  const appWith = (options: UnlessOptions | ((ctx: Context) => boolean | Promise<boolean>)) => {
    const app = new Koa();
    app.silent = true;
    app.use(jwt(VERIFY).unless(options));
    app.use((ctx) => {
      ctx.body = { authenticated: ctx.state.user !== undefined };
    });
    return app;
  };
  const status = async (app: ReturnType<typeof appWith>, method: string, path: string) =>
    (await request(app.callback())[method.toLowerCase() as 'get'](path)).status;

  test('exact path strings, ignoring the query string; other spellings stay authenticated', async () => {
    const app = appWith({ path: ['/health', '/login'] });
    expect(await status(app, 'GET', '/health?verbose=1')).toBe(200);
    expect(await status(app, 'GET', '/login')).toBe(200);
    for (const path of ['/me', '/health/', '/HEALTH', '/%68ealth', '//health']) {
      expect([path, await status(app, 'GET', path)]).toEqual([path, 401]);
    }
  });

  test('RegExps, path objects limited to methods, method, ext, custom', async () => {
    const app = appWith({
      path: [/^\/public\//, { url: '/items', methods: ['GET'] }],
      method: 'OPTIONS',
      ext: '.css',
      custom: (ctx) => ctx.get('x-internal') === 'yes',
    });
    expect(await status(app, 'GET', '/public/logo.png')).toBe(200);
    expect(await status(app, 'GET', '/items')).toBe(200);
    expect(await status(app, 'POST', '/items')).toBe(401);
    expect(await status(app, 'OPTIONS', '/me')).toBe(200);
    expect(await status(app, 'GET', '/site.css')).toBe(200);
    expect((await request(app.callback()).get('/me').set('X-Internal', 'yes')).status).toBe(200);
  });

  test('a function is a custom test, async allowed; unless chains', async () => {
    const app = new Koa();
    app.use(
      jwt(VERIFY)
        .unless(async (ctx) => ctx.path === '/a')
        .unless({ path: '/b' }),
    );
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    expect((await request(app.callback()).get('/a')).status).toBe(200);
    expect((await request(app.callback()).get('/b')).status).toBe(200);
    expect((await request(app.callback()).get('/c')).status).toBe(401);
  });

  test('a skipped request carries no claims even with a token', async () => {
    const app = appWith({ path: '/public' });
    const token = await sign();
    const skipped = await request(app.callback())
      .get('/public')
      .set('Authorization', `Bearer ${token}`);
    expect(skipped.body).toEqual({ authenticated: false });
    const checked = await request(app.callback())
      .get('/me')
      .set('Authorization', `Bearer ${token}`);
    expect(checked.body).toEqual({ authenticated: true });
  });
});
