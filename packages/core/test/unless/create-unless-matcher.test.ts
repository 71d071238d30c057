import {
  createUnlessMatcher,
  JwtError,
  type UnlessOptions,
  type UnlessTarget,
} from '@tokenward/core';

interface Req extends UnlessTarget {
  headers?: Record<string, string>;
}

const req = (method: string, url: string, originalUrl?: string): Req => ({
  method,
  url,
  ...(originalUrl === undefined ? {} : { originalUrl }),
});

async function skipped(options: UnlessOptions<Req>, method: string, url: string) {
  return createUnlessMatcher<Req>(options)(req(method, url));
}

describe('createUnlessMatcher', () => {
  test('exact path strings, ignoring the query string and the fragment', async () => {
    const options = { path: ['/health', '/login'] };
    expect(await skipped(options, 'GET', '/health')).toBe(true);
    expect(await skipped(options, 'GET', '/health?verbose=1')).toBe(true);
    expect(await skipped(options, 'GET', '/health#top')).toBe(true);
    expect(await skipped(options, 'POST', '/login')).toBe(true);
    expect(await skipped(options, 'GET', '/me')).toBe(false);
    expect(await skipped({ path: '/health' }, 'GET', '/health')).toBe(true);
  });

  test('other spellings of a skipped path are not skipped (fail closed)', async () => {
    const spellings = ['/health/', '/HEALTH', '/%68ealth', '/health/../me', '//health', 'health'];
    for (const url of spellings) {
      expect([url, await skipped({ path: '/health' }, 'GET', url)]).toEqual([url, false]);
    }
  });

  test('RegExps are tested on the pathname; a global one keeps no state', async () => {
    expect(await skipped({ path: /^\/public\// }, 'GET', '/public/logo.png')).toBe(true);
    expect(await skipped({ path: /^\/public\// }, 'GET', '/private/public/')).toBe(false);
    expect(await skipped({ path: /\?x$/ }, 'GET', '/a?x')).toBe(false);
    const sticky = createUnlessMatcher<Req>({ path: /^\/open/g });
    expect(await sticky(req('GET', '/open'))).toBe(true);
    expect(await sticky(req('GET', '/open'))).toBe(true);
  });

  test('path objects are limited to their methods (`methods` or `method`)', async () => {
    const options: UnlessOptions<Req> = {
      path: [
        { url: '/items', methods: ['GET', 'HEAD'] },
        { url: /^\/docs\//, method: 'GET' },
        { url: '/any' },
      ],
    };
    expect(await skipped(options, 'GET', '/items')).toBe(true);
    expect(await skipped(options, 'HEAD', '/items?page=2')).toBe(true);
    expect(await skipped(options, 'POST', '/items')).toBe(false);
    expect(await skipped(options, 'GET', '/docs/intro')).toBe(true);
    expect(await skipped(options, 'DELETE', '/docs/intro')).toBe(false);
    expect(await skipped(options, 'PATCH', '/any')).toBe(true);
    expect(await skipped(options, 'get', '/items')).toBe(false);
  });

  test('methods on every path, and pathname endings', async () => {
    expect(await skipped({ method: 'OPTIONS' }, 'OPTIONS', '/me')).toBe(true);
    expect(await skipped({ method: ['OPTIONS', 'HEAD'] }, 'HEAD', '/me')).toBe(true);
    expect(await skipped({ method: 'OPTIONS' }, 'GET', '/me')).toBe(false);
    expect(await skipped({ ext: '.css' }, 'GET', '/site.css?v=2')).toBe(true);
    expect(await skipped({ ext: ['.css', '.js'] }, 'GET', '/app.js')).toBe(true);
    expect(await skipped({ ext: '.css' }, 'GET', '/site.css.map')).toBe(false);
  });

  test('any one condition is enough; no condition skips nothing', async () => {
    const options: UnlessOptions<Req> = { path: '/a', method: 'OPTIONS', ext: '.css' };
    expect(await skipped(options, 'GET', '/a')).toBe(true);
    expect(await skipped(options, 'OPTIONS', '/b')).toBe(true);
    expect(await skipped(options, 'GET', '/b.css')).toBe(true);
    expect(await skipped(options, 'GET', '/b')).toBe(false);
    expect(await skipped({}, 'OPTIONS', '/a')).toBe(false);
  });

  test('a custom test receives the request itself; async tests are awaited', async () => {
    const seen: Req[] = [];
    const request: Req = { ...req('GET', '/me'), headers: { 'x-internal': 'yes' } };
    const custom = createUnlessMatcher<Req>({
      custom: (r) => {
        seen.push(r);
        return r.headers?.['x-internal'] === 'yes';
      },
    });
    expect(await custom(request)).toBe(true);
    expect(seen[0]).toBe(request);
    expect(await custom(req('GET', '/me'))).toBe(false);
    const asyncCustom = createUnlessMatcher<Req>(async (r) => r.url === '/async');
    expect(await asyncCustom(req('GET', '/async'))).toBe(true);
    expect(await asyncCustom(req('GET', '/other'))).toBe(false);
  });

  test('only a custom result of true skips; other conditions still apply after false', async () => {
    const options: UnlessOptions<Req> = { path: '/a', custom: () => false };
    expect(await skipped(options, 'GET', '/a')).toBe(true);
    expect(await skipped(options, 'GET', '/b')).toBe(false);
  });

  test('a throwing custom test rejects', async () => {
    const bug = new Error('custom bug');
    const matcher = createUnlessMatcher<Req>(() => {
      throw bug;
    });
    await expect(matcher(req('GET', '/x'))).rejects.toBe(bug);
  });

  test('the original URL by default; the mount-relative URL with useOriginalUrl: false', async () => {
    const mounted = req('GET', '/status', '/api/status');
    expect(await createUnlessMatcher<Req>({ path: '/api/status' })(mounted)).toBe(true);
    expect(await createUnlessMatcher<Req>({ path: '/status' })(mounted)).toBe(false);
    const relative = createUnlessMatcher<Req>({ path: '/status', useOriginalUrl: false });
    expect(await relative(mounted)).toBe(true);
    // Without an original URL, the URL itself is matched.
    expect(await createUnlessMatcher<Req>({ path: '/status' })(req('GET', '/status'))).toBe(true);
  });

  test('the options object is read on every request', async () => {
    const options: UnlessOptions<Req> = { path: '/a' };
    const matcher = createUnlessMatcher<Req>(options);
    expect(await matcher(req('GET', '/b'))).toBe(false);
    options.path = '/b';
    expect(await matcher(req('GET', '/b'))).toBe(true);
  });

  test.each([[undefined], [null], ['/health'], [42]])('refuses %p as options', (options) => {
    let error: unknown;
    try {
      createUnlessMatcher(options as never);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(JwtError);
    expect((error as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    expect((error as JwtError).message).toBe(
      'Invalid option "unless": must be an options object or a function (request) => boolean',
    );
  });
});
