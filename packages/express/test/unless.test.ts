import type { Request, Response } from 'express';
import request from 'supertest';
import { jwt, type UnlessOptions } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

describe.each(MAJORS)('.unless() on %s', (_name, express) => {
  const echo = (req: Request, res: Response) => {
    res.json({ authenticated: (req as { auth?: unknown }).auth !== undefined });
  };
  const appWith = (options: Parameters<ReturnType<typeof jwt>['unless']>[0]) =>
    express().use(jwt(VERIFY).unless(options)).all(/.*/, echo);
  const status = async (app: ReturnType<typeof appWith>, method: string, path: string) =>
    (await request(app)[method.toLowerCase() as 'get'](path)).status;

  test('exact path strings, ignoring the query string', async () => {
    const app = appWith({ path: ['/health', '/login'] });
    expect(await status(app, 'GET', '/health')).toBe(200);
    expect(await status(app, 'GET', '/health?verbose=1')).toBe(200);
    expect(await status(app, 'GET', '/login')).toBe(200);
    expect(await status(app, 'GET', '/me')).toBe(401);
  });

  test('other spellings of a skipped path stay authenticated (fail closed)', async () => {
    const app = appWith({ path: '/health' });
    for (const path of ['/health/', '/HEALTH', '/%68ealth', '/health/../me', '//health']) {
      expect([path, await status(app, 'GET', path)]).toEqual([path, 401]);
    }
  });

  test('RegExps, and path objects limited to methods', async () => {
    const app = appWith({ path: [/^\/public\//, { url: '/items', methods: ['GET'] }] });
    expect(await status(app, 'GET', '/public/logo.png')).toBe(200);
    expect(await status(app, 'GET', '/items')).toBe(200);
    expect(await status(app, 'POST', '/items')).toBe(401);
    // A global RegExp keeps no state between requests.
    const sticky = appWith({ path: /^\/open/g });
    expect(await status(sticky, 'GET', '/open')).toBe(200);
    expect(await status(sticky, 'GET', '/open')).toBe(200);
  });

  test('method, ext and custom', async () => {
    const app = appWith({
      method: 'OPTIONS',
      ext: ['.css'],
      custom: (req) => req.get('x-internal') === 'yes',
    });
    expect(await status(app, 'OPTIONS', '/me')).toBe(200);
    expect(await status(app, 'GET', '/site.css')).toBe(200);
    expect((await request(app).get('/me').set('X-Internal', 'yes')).status).toBe(200);
    expect(await status(app, 'GET', '/me')).toBe(401);
  });

  test('a function is a custom test; async tests are awaited', async () => {
    const app = appWith(async (req) => req.path === '/async');
    expect(await status(app, 'GET', '/async')).toBe(200);
    expect(await status(app, 'GET', '/other')).toBe(401);
  });

  test('useOriginalUrl: false matches the mount-relative URL', async () => {
    const options: UnlessOptions = { path: '/status', useOriginalUrl: false };
    const router = express.Router().use(jwt(VERIFY).unless(options)).get(/.*/, echo);
    const app = express().use('/api', router);
    expect((await request(app).get('/api/status')).status).toBe(200);
    const original = express
      .Router()
      .use(jwt(VERIFY).unless({ path: '/status' }))
      .get(/.*/, echo);
    expect((await request(express().use('/api', original)).get('/api/status')).status).toBe(401);
  });

  test('a skipped request with a token is not authenticated; others are', async () => {
    const app = appWith({ path: '/public' });
    const token = await sign();
    const skipped = await request(app).get('/public').set('Authorization', `Bearer ${token}`);
    expect(skipped.body).toEqual({ authenticated: false });
    const checked = await request(app).get('/me').set('Authorization', `Bearer ${token}`);
    expect(checked.body).toEqual({ authenticated: true });
  });

  test('unless can be chained', async () => {
    const app = express()
      .use(jwt(VERIFY).unless({ path: '/a' }).unless({ path: '/b' }))
      .all(/.*/, echo);
    expect(await status(app, 'GET', '/a')).toBe(200);
    expect(await status(app, 'GET', '/b')).toBe(200);
    expect(await status(app, 'GET', '/c')).toBe(401);
  });

  test('a throwing custom test goes to next(err)', async () => {
    const app = appWith(() => {
      throw new Error('custom bug');
    });
    expect(await status(app, 'GET', '/x')).toBe(500);
  });
});
