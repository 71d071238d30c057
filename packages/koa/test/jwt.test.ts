import { JwtError } from '@tokenward/core';
import type { Context, Next } from 'koa';
import request from 'supertest';
import { THROWING_APP_CALLBACKS } from '@tokenward/test-tokens';
import { jwt } from '../src/index.js';
import { MAJORS, SECRET, VERIFY, sign, signExpired } from './fixtures.js';

describe.each(MAJORS)('jwt() on %s', (_name, Koa) => {
  let ran: number;
  const echo = (ctx: Context) => {
    ran++;
    ctx.body = { state: ctx.state };
  };
  beforeEach(() => {
    ran = 0;
  });
  const server = (...middleware: Array<(ctx: Context, next: Next) => unknown>) => {
    const app = new Koa();
    app.silent = true;
    for (const m of middleware) app.use(m as never);
    return app;
  };

  test("puts the claims on ctx.state.user, and leaves the app's own ctx.state.token alone", async () => {
    const own = (ctx: Context, next: Next) => {
      ctx.state.token = 'the app keeps its own';
      return next();
    };
    const app = server(own, jwt(VERIFY), echo);
    const token = await sign({ sub: 'alice' });
    const res = await request(app.callback()).get('/').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.state.user).toMatchObject({ sub: 'alice' });
    // koa-jwt's rule: the raw token lands on ctx.state only with tokenKey.
    expect(res.body.state.token).toBe('the app keeps its own');
  });

  test('a misspelt or foreign option refuses to start, with a hint', () => {
    expect(() => jwt({ ...VERIFY, audiance: 'api' } as never)).toThrow(
      'Invalid option "audiance": is not an option of jwt(); did you mean "audience"?',
    );
    expect(() => jwt({ ...VERIFY, onError: () => undefined } as never)).toThrow(
      /"onError": is not an option of jwt\(\); Koa failures are thrown/,
    );
    expect(() => jwt({ ...VERIFY, secret: SECRET } as never)).toThrow(/use "key"/);
  });

  test.each(THROWING_APP_CALLBACKS)(
    "a throwing %s is a 500 through Koa's error path, even with passthrough",
    async (_n, extra) => {
      for (const passthrough of [false, true]) {
        const errors: unknown[] = [];
        const app = server(jwt({ ...VERIFY, passthrough, ...extra } as never), echo);
        app.on('error', (err: unknown) => errors.push(err));
        const token = await sign({ sub: 'alice' });
        const res = await request(app.callback()).get('/').set('Authorization', `Bearer ${token}`);
        expect(res.status).toBe(500);
        expect(res.text).toBe('Internal Server Error');
        expect(ran).toBe(0);
        expect(errors).toHaveLength(1);
      }
    },
  );

  test('a hand-built context without headers gets a clear error', async () => {
    const middleware = jwt(VERIFY);
    const ctx = { state: {}, req: {}, method: 'GET', url: '/' } as unknown as Context;
    await expect(middleware(ctx, () => Promise.resolve())).rejects.toThrow(
      /tokenward: the request has no headers object/,
    );
  });

  test('stateKey and tokenKey choose the state properties', async () => {
    const app = server(jwt({ ...VERIFY, stateKey: 'auth', tokenKey: 'jwt' }), echo);
    const token = await sign({ sub: 'bob' });
    const res = await request(app.callback()).get('/').set('Authorization', `Bearer ${token}`);
    expect(res.body.state).toEqual({ auth: expect.objectContaining({ sub: 'bob' }), jwt: token });
  });

  test("with no error middleware of the app's own, Koa answers status, challenge and JSON body", async () => {
    const app = server(jwt(VERIFY), echo);
    const res = await request(app.callback()).get('/');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({
      error: 'unauthorized',
      error_description: 'No access token was provided',
      code: 'ERR_JWT_MISSING',
    });
    expect(ran).toBe(0);
  });

  test("the app's own error middleware sees the thrown JwtError", async () => {
    const seen: unknown[] = [];
    const handleErrors = async (ctx: Context, next: Next) => {
      try {
        await next();
      } catch (err) {
        seen.push(err);
        const e = err as JwtError;
        ctx.status = e.status;
        ctx.set(e.headers);
        ctx.body = `custom: ${e.code}`;
      }
    };
    const app = server(handleErrors, jwt(VERIFY), echo);
    const token = await signExpired();
    const res = await request(app.callback()).get('/').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.text).toBe('custom: ERR_JWT_EXPIRED');
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const err = seen[0] as JwtError;
    expect(err).toBeInstanceOf(JwtError);
    expect(err.status).toBe(401);
    expect(err.expose).toBe(true);
    expect(err.headers).toEqual({
      'WWW-Authenticate': expect.stringContaining('Bearer realm="api"'),
    });
  });

  test('error middleware that rethrows still gets the JSON answer; other errors keep Koa text', async () => {
    const logged: unknown[] = [];
    const rethrow = async (_ctx: Context, next: Next) => {
      try {
        await next();
      } catch (err) {
        logged.push(err);
        throw err;
      }
    };
    const app = server(rethrow, jwt({ ...VERIFY, credentialsRequired: false }), (ctx: Context) => {
      if (ctx.path === '/bug') throw new Error('secret detail');
      ctx.body = 'ok';
    });
    const res = await request(app.callback()).get('/x').set('Authorization', 'Bearer');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_JWT_INVALID_REQUEST');
    expect(logged[0]).toBeInstanceOf(JwtError);
    const bug = await request(app.callback()).get('/bug');
    expect(bug.status).toBe(500);
    expect(bug.text).toBe('Internal Server Error');
  });

  test("errorBody: 'text' leaves the body to Koa (its text message), with the same status and headers", async () => {
    const app = server(jwt({ ...VERIFY, errorBody: 'text' }), echo);
    const res = await request(app.callback()).get('/');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe('No access token was provided');
  });

  test("Koa's error event is emitted with the JwtError", async () => {
    const app = server(jwt(VERIFY), echo);
    const events: unknown[] = [];
    app.on('error', (err) => events.push(err));
    await request(app.callback()).get('/');
    expect((events[0] as JwtError).code).toBe('ERR_JWT_MISSING');
  });

  test('passthrough: failures continue without claims, the error on ctx.state.jwtOriginalError', async () => {
    const app = server(jwt({ ...VERIFY, passthrough: true }), (ctx: Context) => {
      ran++;
      const original = ctx.state.jwtOriginalError as JwtError | undefined;
      ctx.body = { user: ctx.state.user ?? null, code: original?.code ?? null };
    });
    const expired = await request(app.callback())
      .get('/')
      .set('Authorization', `Bearer ${await signExpired()}`);
    expect(expired.body).toEqual({ user: null, code: 'ERR_JWT_EXPIRED' });
    const missing = await request(app.callback()).get('/');
    expect(missing.body).toEqual({ user: null, code: 'ERR_JWT_MISSING' });
    const good = await request(app.callback())
      .get('/')
      .set('Authorization', `Bearer ${await sign()}`);
    expect(good.body).toEqual({ user: expect.objectContaining({ sub: 'user-1' }), code: null });
    expect(ran).toBe(3);
  });

  test('credentialsRequired: false lets anonymous requests through, still refuses bad tokens', async () => {
    const app = server(jwt({ ...VERIFY, credentialsRequired: false }), echo);
    expect((await request(app.callback()).get('/')).body).toEqual({ state: {} });
    const bad = await request(app.callback())
      .get('/')
      .set('Authorization', `Bearer ${await signExpired()}`);
    expect(bad.status).toBe(401);
    expect(ran).toBe(1);
  });

  test('getToken receives the Koa context', async () => {
    const app = server(
      jwt({ ...VERIFY, getToken: (ctx) => ctx.get('x-access-token') || undefined }),
      echo,
    );
    const token = await sign({ sub: 'custom' });
    const res = await request(app.callback()).get('/').set('X-Access-Token', token);
    expect(res.body.state.user.sub).toBe('custom');
  });

  test('a getToken that reads a cookie gets the CSRF check (found in Cookie, or source: cookie)', async () => {
    const token = await sign({ sub: 'cookie-getter' });
    const plain = (ctx: Context) => ctx.cookies.get('session');
    const declared = (ctx: Context) => {
      const found = plain(ctx);
      return found === undefined ? undefined : { token: found, source: 'cookie' as const };
    };
    for (const getToken of [plain, declared]) {
      ran = 0;
      const app = server(jwt({ ...VERIFY, getToken }), echo);
      const cookie = `session=${token}`;
      const forged = await request(app.callback())
        .post('/')
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', 'cross-site');
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('ERR_JWT_CSRF');
      expect(forged.headers['www-authenticate']).toBeUndefined();
      expect(ran).toBe(0);
      const own = await request(app.callback()).post('/').set('Cookie', cookie);
      expect(own.status).toBe(200);
      expect(own.body.state.user.sub).toBe('cookie-getter');
    }
  });

  test('the cookie CSRF check sees the host and protocol as Koa does (app.proxy)', async () => {
    const token = await sign({ sub: 'cookie' });
    const build = (proxy: boolean) => {
      const app = server(jwt({ ...VERIFY, cookie: 'access_token' }), echo);
      app.proxy = proxy;
      return app;
    };
    const post = (app: ReturnType<typeof build>) =>
      request(app.callback())
        .post('/')
        .set('Cookie', `access_token=${token}`)
        .set('Origin', 'https://shop.example')
        .set('X-Forwarded-Host', 'shop.example')
        .set('X-Forwarded-Proto', 'https');
    expect((await post(build(true))).status).toBe(200);
    const refused = await post(build(false));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_JWT_CSRF');
  });

  test('with no options the configuration comes from the environment', async () => {
    const saved = { ...process.env };
    process.env.JWT_SECRET = SECRET;
    try {
      const app = server(jwt(), echo);
      const res = await request(app.callback())
        .get('/')
        .set('Authorization', `Bearer ${await sign()}`);
      expect(res.status).toBe(200);
    } finally {
      process.env = saved;
    }
  });

  test('the middleware name shows in stack traces', async () => {
    // V8's own call sites (Jest rewrites printed stacks through source maps).
    let names: Array<string | null> = [];
    const capture = () => {
      const original = Error.prepareStackTrace;
      Error.prepareStackTrace = (_err, sites) => sites.map((site) => site.getFunctionName());
      const holder: { stack?: unknown } = {};
      Error.captureStackTrace(holder);
      names = holder.stack as Array<string | null>;
      Error.prepareStackTrace = original;
    };
    const app = server(jwt({ ...VERIFY, credentialsRequired: false }), (ctx: Context) => {
      capture();
      ctx.body = 'ok';
    });
    await request(app.callback()).get('/');
    expect(names).toContain('jwtMiddleware');
    expect(jwt(VERIFY).name).toBe('jwtMiddleware');
    expect(jwt(VERIFY).unless({ path: '/x' }).name).toBe('unlessMiddleware');
  });
});

describe('jwt() construction', () => {
  test.each([
    ['stateKey', { stateKey: '' }],
    ['stateKey', { stateKey: '__proto__' }],
    ['tokenKey', { tokenKey: 42 }],
    ['tokenKey', { stateKey: 'x', tokenKey: 'x' }],
    ['passthrough', { passthrough: 'yes' }],
    ['errorBody', { errorBody: 'html' }],
    ['getToken', { getToken: 'x-token' }],
  ])('refuses a bad %s', (option, bad) => {
    expect(() => jwt({ ...VERIFY, ...(bad as object) })).toThrow(`"${option}"`);
  });

  test("refuses core's bad options at construction", () => {
    expect(() => jwt({ algorithms: ['HS256'], key: 'short' })).toThrow(JwtError);
  });
});
