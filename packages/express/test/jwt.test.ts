import { JwtError } from '@tokenward/core';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { THROWING_APP_CALLBACKS } from '@tokenward/test-tokens';
import { jwt, type AuthRequest } from '../src/index.js';
import { MAJORS, SECRET, VERIFY, sign, signExpired } from './fixtures.js';

describe.each(MAJORS)('jwt() on %s', (_name, express) => {
  let ran: number;
  const handler = (req: AuthRequest, res: Response) => {
    ran++;
    res.json({ auth: req.auth ?? null, token: req.token ?? null });
  };
  beforeEach(() => {
    ran = 0;
  });

  test('puts the verified claims on req.auth and the raw token on req.token', async () => {
    const app = express().get('/', jwt(VERIFY), handler);
    const token = await sign({ sub: 'alice', roles: ['admin'] });
    const res = await request(app).get('/').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.auth).toMatchObject({ sub: 'alice', roles: ['admin'] });
    expect(res.body.token).toBe(token);
  });

  test('answers a failure itself by default: status, challenge and JSON body; the handler never runs', async () => {
    const app = express().get('/', jwt(VERIFY), handler);
    const missing = await request(app).get('/');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(missing.body).toEqual({
      error: 'unauthorized',
      error_description: 'No access token was provided',
      code: 'ERR_JWT_MISSING',
    });
    const expired = await request(app)
      .get('/')
      .set('Authorization', `Bearer ${await signExpired()}`);
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="invalid_token", error_description="The access token expired"',
    );
    expect(expired.body.code).toBe('ERR_JWT_EXPIRED');
    expect(ran).toBe(0);
  });

  test('realm is configurable', async () => {
    const app = express().get('/', jwt({ ...VERIFY, realm: 'orders' }), handler);
    const res = await request(app).get('/');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="orders"');
  });

  test("onError: 'next' hands the JwtError to the app's error handler", async () => {
    const seen: unknown[] = [];
    const onError: ErrorRequestHandler = (err, _req, res, _next) => {
      seen.push(err);
      res.status(err.status).set(err.headers).send(`custom: ${err.code}`);
    };
    const app = express()
      .get('/', jwt({ ...VERIFY, onError: 'next' }), handler)
      .use(onError);
    const res = await request(app).get('/');
    expect(res.status).toBe(401);
    expect(res.text).toBe('custom: ERR_JWT_MISSING');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(seen[0]).toBeInstanceOf(JwtError);
    expect(ran).toBe(0);
  });

  test("onError: 'next' without an app error handler: Express still sends the status and challenge", async () => {
    const app = express().get('/', jwt({ ...VERIFY, onError: 'next' }), handler);
    const res = await request(app).get('/').set('Authorization', 'Bearer');
    expect(res.status).toBe(400);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="api", error="invalid_request"/);
    expect(ran).toBe(0);
  });

  test('onError as a function renders the error; a throwing renderer goes to next(err)', async () => {
    const render = (err: JwtError, _req: Request, res: Response) => {
      res.status(err.status).json({ message: err.message, code: err.code });
    };
    const app = express().get('/', jwt({ ...VERIFY, onError: render }), handler);
    const res = await request(app).get('/');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'No access token was provided', code: 'ERR_JWT_MISSING' });

    const boom = () => {
      throw new Error('renderer bug');
    };
    const seen: unknown[] = [];
    const broken = express()
      .get('/', jwt({ ...VERIFY, onError: boom }), handler)
      .use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
        seen.push(err);
        res.status(500).end();
      });
    expect((await request(broken).get('/')).status).toBe(500);
    expect((seen[0] as Error).message).toBe('renderer bug');
    expect(ran).toBe(0);
  });

  test('credentialsRequired: false lets anonymous requests through, still refuses bad tokens', async () => {
    const app = express().get('/', jwt({ ...VERIFY, credentialsRequired: false }), handler);
    const anonymous = await request(app).get('/');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ auth: null, token: null });
    const bad = await request(app)
      .get('/')
      .set('Authorization', `Bearer ${await signExpired()}`);
    expect(bad.status).toBe(401);
    expect(ran).toBe(1);
  });

  test('getToken receives the Express request and counts as one more source', async () => {
    const getToken = (req: Request) => req.get('x-access-token');
    const app = express().get('/', jwt({ ...VERIFY, getToken }), handler);
    const token = await sign({ sub: 'custom' });
    const res = await request(app).get('/').set('X-Access-Token', token);
    expect(res.status).toBe(200);
    expect(res.body.auth.sub).toBe('custom');
    const both = await request(app)
      .get('/')
      .set('X-Access-Token', token)
      .set('Authorization', `Bearer ${token}`);
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('ERR_JWT_INVALID_REQUEST');
  });

  test('a getToken that reads a cookie gets the CSRF check (found in Cookie, or source: cookie)', async () => {
    const token = await sign({ sub: 'cookie-getter' });
    const plain = (req: Request) => /session=([^;]+)/.exec(req.get('cookie') ?? '')?.[1];
    const declared = (req: Request) => {
      const found = plain(req);
      return found === undefined ? undefined : { token: found, source: 'cookie' as const };
    };
    for (const getToken of [plain, declared]) {
      ran = 0;
      const app = express().post('/', jwt({ ...VERIFY, getToken }), handler);
      const cookie = `session=${token}`;
      const forged = await request(app)
        .post('/')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example');
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('ERR_JWT_CSRF');
      expect(forged.headers['www-authenticate']).toBeUndefined();
      expect(ran).toBe(0);
      const own = await request(app).post('/').set('Cookie', cookie);
      expect(own.status).toBe(200);
      expect(own.body.auth.sub).toBe('cookie-getter');
    }
  });

  test('the cookie source and its CSRF check use the request as Express sees it (trust proxy)', async () => {
    const token = await sign({ sub: 'cookie' });
    const build = (trust: boolean) => {
      const app = express();
      app.set('trust proxy', trust);
      return app.post('/', jwt({ ...VERIFY, cookie: 'access_token' }), handler);
    };
    const post = (app: ReturnType<typeof build>) =>
      request(app)
        .post('/')
        .set('Cookie', `access_token=${token}`)
        .set('Origin', 'https://shop.example')
        .set('X-Forwarded-Host', 'shop.example')
        .set('X-Forwarded-Proto', 'https');
    const trusted = await post(build(true));
    expect(trusted.status).toBe(200);
    expect(trusted.body.auth.sub).toBe('cookie');
    const untrusted = await post(build(false));
    expect(untrusted.status).toBe(403);
    expect(untrusted.body.code).toBe('ERR_JWT_CSRF');
  });

  test('works mounted under a router prefix', async () => {
    const router = express.Router();
    router.get('/me', jwt(VERIFY), handler);
    const app = express().use('/api', router);
    const token = await sign({ sub: 'mounted' });
    const res = await request(app).get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.body.auth.sub).toBe('mounted');
  });

  test('req.auth is per request, replaceable by a later middleware, and absent on anonymous requests', async () => {
    const seen: unknown[] = [];
    const app = express()
      .use(jwt({ ...VERIFY, credentialsRequired: false }))
      .use((req: Request, _res: Response, next: NextFunction) => {
        seen.push(Object.hasOwn(req, 'auth'));
        const auth = (req as AuthRequest).auth;
        if (auth) (req as AuthRequest).auth = { ...auth, account: `acct-${auth.sub}` };
        next();
      })
      .get('/', handler);
    const [alice, bob] = await Promise.all([sign({ sub: 'alice' }), sign({ sub: 'bob' })]);
    const answers = await Promise.all([
      request(app).get('/').set('Authorization', `Bearer ${alice}`),
      request(app).get('/').set('Authorization', `Bearer ${bob}`),
      request(app).get('/'),
    ]);
    expect(answers.map((res) => res.body.auth)).toEqual([
      expect.objectContaining({ sub: 'alice', account: 'acct-alice' }),
      expect.objectContaining({ sub: 'bob', account: 'acct-bob' }),
      null,
    ]);
    expect(answers.map((res) => res.body.token)).toEqual([alice, bob, null]);
    // An accessor of the app's request prototype (like req.ip), not an own property.
    expect(seen).toEqual([false, false, false]);
  });

  test('a request given its own req.auth earlier still gets the verified claims', async () => {
    const app = express()
      .use((req: Request, _res: Response, next: NextFunction) => {
        Object.defineProperty(req, 'auth', { value: 'stale', writable: true, configurable: true });
        next();
      })
      .use(jwt(VERIFY))
      .get('/', handler);
    const token = await sign({ sub: 'alice' });
    const res = await request(app).get('/').set('Authorization', `Bearer ${token}`);
    expect(res.body.auth).toMatchObject({ sub: 'alice' });
  });

  test('req.auth reaches the handlers of a mounted sub-app', async () => {
    const admin = express().get('/me', handler);
    const app = express().use(jwt(VERIFY)).use('/admin', admin);
    const token = await sign({ sub: 'sub-app' });
    const res = await request(app).get('/admin/me').set('Authorization', `Bearer ${token}`);
    expect(res.body.auth).toMatchObject({ sub: 'sub-app' });
    expect(res.body.token).toBe(token);
  });

  test.each(THROWING_APP_CALLBACKS)(
    "a throwing %s goes to Express's error path as a 500, whatever onError says",
    async (_n, extra) => {
      const token = await sign({ sub: 'alice' });
      const rendered: unknown[] = [];
      const render = (err: JwtError, _req: Request, res: Response) => {
        rendered.push(err);
        res.status(401).end();
      };
      for (const onError of ['respond', 'next', render] as const) {
        const seen: unknown[] = [];
        const app = express()
          .get('/', jwt({ ...VERIFY, onError, ...extra } as never), handler)
          .use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
            seen.push(err);
            res.status(500).json({ handledBy: 'app' });
          });
        const res = await request(app).get('/').set('Authorization', `Bearer ${token}`);
        expect(res.status).toBe(500);
        expect(res.body).toEqual({ handledBy: 'app' });
        expect(seen).toHaveLength(1);
        expect(ran).toBe(0);
      }
      // Without an error handler of the app's own, Express's default one answers 500.
      const bare = express().get('/', jwt({ ...VERIFY, ...extra } as never), handler);
      const res = await request(bare).get('/').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(500);
      expect(rendered).toEqual([]);
    },
  );

  test("onError: 'next' calls next once, even when next itself throws", async () => {
    const middleware = jwt({ ...VERIFY, onError: 'next' });
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      let calls = 0;
      const next = (() => {
        calls++;
        throw new Error('downstream bug');
      }) as NextFunction;
      const req = express.request as unknown as Request;
      const fake = Object.create(req, { headers: { value: {} }, rawHeaders: { value: [] } });
      middleware(fake as Request, {} as Response, next);
      expect(calls).toBe(1);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  test('a hand-built request without headers gets a clear error through next', () => {
    const seen: unknown[] = [];
    jwt(VERIFY)({} as Request, {} as Response, ((err: unknown) => seen.push(err)) as NextFunction);
    expect(seen).toHaveLength(1);
    expect((seen[0] as Error).message).toMatch(/tokenward: the request has no headers object/);
  });

  test('with no options the configuration comes from the environment', async () => {
    const saved = { ...process.env };
    process.env.JWT_SECRET = SECRET;
    process.env.JWT_ISSUER = 'env-issuer';
    try {
      const app = express().get('/', jwt(), handler);
      const good = await sign({ sub: 'env', iss: 'env-issuer' });
      expect((await request(app).get('/').set('Authorization', `Bearer ${good}`)).status).toBe(200);
      const wrong = await sign({ sub: 'env', iss: 'elsewhere' });
      const res = await request(app).get('/').set('Authorization', `Bearer ${wrong}`);
      expect(res.body.code).toBe('ERR_JWT_ISSUER_MISMATCH');
    } finally {
      process.env = saved;
    }
  });
});

describe('jwt() construction', () => {
  const configError = (fn: () => unknown, option: string) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(JwtError);
      expect((err as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
      expect((err as JwtError).message).toContain(`"${option}"`);
      return;
    }
    throw new Error('expected a configuration error');
  };

  test('refuses bad adapter options, naming them', () => {
    configError(() => jwt({ ...VERIFY, onError: 'throw' as never }), 'onError');
    configError(() => jwt({ ...VERIFY, getToken: 'x-token' as never }), 'getToken');
    configError(() => jwt(VERIFY).unless(42 as never), 'unless');
  });

  test('refuses a misspelt or foreign option at startup, with a hint', () => {
    expect(() => jwt({ ...VERIFY, audiance: 'api' } as never)).toThrow(
      'Invalid option "audiance": is not an option of jwt(); did you mean "audience"?',
    );
    expect(() => jwt({ ...VERIFY, passthrough: true } as never)).toThrow(
      /"passthrough": is not an option of jwt\(\); is koa-jwt's; in Express use credentialsRequired: false/,
    );
    expect(() => jwt({ algorithms: ['HS256'], secret: SECRET } as never)).toThrow(
      /"secret": is not an option of jwt\(\); use "key"/,
    );
    expect(() => jwt({ ...VERIFY, requestProperty: 'user' } as never)).toThrow(/req\.auth/);
  });

  test("refuses core's bad options at construction, not on the first request", () => {
    expect(() => jwt({ algorithms: [], key: SECRET })).toThrow(JwtError);
    expect(() => jwt({ ...VERIFY, realm: 'a"b' })).toThrow('realm');
  });

  test('the middleware is a named function', () => {
    expect(jwt(VERIFY).name).toBe('jwtMiddleware');
    expect(jwt(VERIFY).unless({ path: '/x' }).name).toBe('unlessMiddleware');
  });
});
