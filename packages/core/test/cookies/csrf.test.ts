import { checkCsrf, type CsrfOptions } from '@tokenward/core';
import { rawRequest, startViewServer, type ViewServer } from '../helpers/view-server';

let server: ViewServer;
let options: CsrfOptions = {};
let secure = false;

beforeAll(async () => {
  server = await startViewServer((view) => {
    checkCsrf({ ...view, secure }, options);
    return 'ok';
  });
});
afterAll(() => server.close());

async function status(method: string, lines: string[], opts: CsrfOptions = {}, https = false) {
  options = opts;
  secure = https;
  const res = await server.raw(
    rawRequest(lines, method).replace('Host: 127.0.0.1', 'Host: app.example:8080'),
  );
  return res;
}

describe('checkCsrf', () => {
  it.each(['GET', 'HEAD', 'OPTIONS'])(
    'lets the safe method %s through whatever its origin',
    async (method) => {
      expect((await status(method, ['Origin: https://evil.example'])).status).toBe(200);
    },
  );

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'])(
    'refuses an unsafe %s from a foreign Origin with 403 and no challenge',
    async (method) => {
      const res = await status(method, ['Origin: https://evil.example']);
      expect(res.status).toBe(403);
      expect(res.headers['www-authenticate']).toBeUndefined();
      expect(res.json()).toEqual({
        error: 'access_denied',
        error_description: 'Cross-site request refused for cookie authentication',
        code: 'ERR_JWT_CSRF',
      });
    },
  );

  it('accepts the request’s own origin (scheme from `secure`, host and port from Host)', async () => {
    expect((await status('POST', ['Origin: http://app.example:8080'])).status).toBe(200);
    expect((await status('POST', ['Origin: http://APP.example:8080'])).status).toBe(200);
    expect((await status('POST', ['Origin: https://app.example:8080'])).status).toBe(403);
    expect((await status('POST', ['Origin: https://app.example:8080'], {}, true)).status).toBe(200);
    expect((await status('POST', ['Origin: http://app.example'])).status).toBe(403);
    expect((await status('POST', ['Origin: http://app.example:8080.evil.example'])).status).toBe(
      403,
    );
  });

  it('accepts configured origins', async () => {
    const opts = { allowedOrigins: ['https://spa.example', 'https://admin.example:8443/'] };
    expect((await status('POST', ['Origin: https://spa.example'], opts)).status).toBe(200);
    expect((await status('POST', ['Origin: https://admin.example:8443'], opts)).status).toBe(200);
    expect((await status('POST', ['Origin: https://spa.example.evil'], opts)).status).toBe(403);
    expect((await status('POST', ['Origin: http://spa.example'], opts)).status).toBe(403);
  });

  it('refuses Origin: null and a repeated Origin header', async () => {
    expect((await status('POST', ['Origin: null'])).status).toBe(403);
    expect(
      (await status('POST', ['Origin: http://app.example:8080', 'Origin: https://evil.example']))
        .status,
    ).toBe(403);
  });

  it('falls back to Sec-Fetch-Site without Origin', async () => {
    expect((await status('POST', ['Sec-Fetch-Site: same-origin'])).status).toBe(200);
    expect((await status('POST', ['Sec-Fetch-Site: none'])).status).toBe(200);
    expect((await status('POST', ['Sec-Fetch-Site: same-site'])).status).toBe(403);
    expect((await status('POST', ['Sec-Fetch-Site: cross-site'])).status).toBe(403);
  });

  it('then to Referer, and lets requests without any browser signal through', async () => {
    expect((await status('POST', ['Referer: http://app.example:8080/form'])).status).toBe(200);
    expect((await status('POST', ['Referer: https://evil.example/app.example:8080'])).status).toBe(
      403,
    );
    expect((await status('POST', ['Referer: not a url'])).status).toBe(403);
    expect((await status('POST', [])).status).toBe(200);
  });

  it.each([['*'], ['https://a.example/path'], ['a.example'], ['ftp://a.example'], [5]])(
    'refuses allowedOrigins entry %p naming the option',
    (entry) => {
      expect(() =>
        checkCsrf(
          { method: 'GET', url: '/', headers: {}, secure: true },
          { allowedOrigins: [entry as string] },
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'ERR_JWT_CONFIG_INVALID',
          message: expect.stringContaining('"allowedOrigins"'),
        }),
      );
    },
  );
});
