import { request } from 'node:http';
import { createTokenExtractor, JwtError, type TokenExtractorOptions } from '@tokenward/core';
import { rawRequest, startViewServer, type ViewServer } from '../helpers/view-server';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
const OTHER = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiIn0.b3RoZXI';
const INVALID_REQUEST =
  'Bearer realm="api", error="invalid_request", error_description="The request carries a malformed or ambiguous access token"';

let server: ViewServer;
let options: TokenExtractorOptions = {};

beforeAll(async () => {
  server = await startViewServer((view) => createTokenExtractor(options)(view));
});
afterAll(() => server.close());

async function send(lines: string[], opts: TokenExtractorOptions = {}, target = '/') {
  options = opts;
  return server.raw(rawRequest(lines, 'GET', target));
}

async function expectInvalid(lines: string[], opts: TokenExtractorOptions = {}, target = '/') {
  const res = await send(lines, opts, target);
  expect(res.status).toBe(400);
  expect(res.headers['www-authenticate']).toBe(INVALID_REQUEST);
  expect(res.json()).toMatchObject({ error: 'invalid_request', code: 'ERR_JWT_INVALID_REQUEST' });
  // No request contents ever reach the answer.
  expect(res.body).not.toContain(TOKEN);
}

describe('Authorization: Bearer', () => {
  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('accepts the scheme spelled %s', async (s) => {
    const res = await send([`Authorization: ${s} ${TOKEN}`]);
    expect(res.json()).toEqual({ token: TOKEN, source: 'header' });
  });

  it('accepts one or more spaces and b64token padding', async () => {
    expect((await send([`Authorization: Bearer    ${TOKEN}`])).json()).toEqual({
      token: TOKEN,
      source: 'header',
    });
    expect((await send(['Authorization: Bearer a-b.c_d~e+f/g=='])).json()).toEqual({
      token: 'a-b.c_d~e+f/g==',
      source: 'header',
    });
  });

  it('rejects a blank Bearer credential with 400 saying "empty token" (an unset TOKEN variable)', async () => {
    for (const line of [
      'Authorization: Bearer',
      'Authorization: Bearer ',
      'Authorization: bearer',
    ]) {
      const res = await send([line]);
      expect(res.status).toBe(400);
      expect(res.headers['www-authenticate']).toBe(
        'Bearer realm="api", error="invalid_request", error_description="The request carries an empty token after Bearer"',
      );
      expect(res.json()).toEqual({
        error: 'invalid_request',
        error_description: 'The request carries an empty token after Bearer',
        code: 'ERR_JWT_INVALID_REQUEST',
      });
    }
  });

  it.each([
    ['two tokens', `Authorization: Bearer ${TOKEN} ${OTHER}`],
    ['a tab instead of a space', `Authorization: Bearer\t${TOKEN}`],
    ['characters outside b64token', 'Authorization: Bearer abc$def'],
    ['padding inside the token', 'Authorization: Bearer ab=c'],
    ['a quoted token', `Authorization: Bearer "${TOKEN}"`],
    ['an empty header', 'Authorization:'],
    ['no auth-scheme', 'Authorization: =abc'],
  ])('rejects %s with 400 invalid_request', async (_name, line) => {
    await expectInvalid([line]);
  });

  it('treats another auth scheme as no token (ERR_JWT_MISSING is the authenticator’s call)', async () => {
    expect((await send(['Authorization: Basic dXNlcjpwYXNz'])).json()).toBeNull();
    expect((await send([`Authorization: Bearertoken${TOKEN}`])).json()).toBeNull();
    expect((await send([])).json()).toBeNull();
  });

  it('rejects duplicate Authorization headers, which Node hides from req.headers', async () => {
    await expectInvalid([`Authorization: Bearer ${TOKEN}`, `Authorization: Bearer ${OTHER}`]);
    await expectInvalid([`authorization: Bearer ${TOKEN}`, `AUTHORIZATION: Basic dXNlcjpwYXNz`]);
    await expectInvalid([`Authorization: Basic dXNlcjpwYXNz`, `Authorization: Bearer ${TOKEN}`]);
  });

  it('rejects duplicate Authorization headers sent by http.request with a raw header list', async () => {
    options = {};
    const before = server.calls();
    const res = await new Promise<{ status: number; www: string | undefined }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            headers: [
              'Host',
              '127.0.0.1',
              'Authorization',
              `Bearer ${TOKEN}`,
              'Authorization',
              `Bearer ${OTHER}`,
            ],
            agent: false,
          },
          (r) => {
            r.resume();
            r.on('end', () =>
              resolve({ status: r.statusCode ?? 0, www: r.headers['www-authenticate'] }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(res).toEqual({ status: 400, www: INVALID_REQUEST });
    expect(server.calls()).toBe(before + 1);
  });
});

describe('cookie', () => {
  const cookie = { cookie: 'access_token' };

  it('reads the named cookie among others, parsing the Cookie header strictly', async () => {
    const res = await send([`Cookie: theme=dark; access_token=${TOKEN}; other="x y"`], cookie);
    expect(res.json()).toEqual({ token: TOKEN, source: 'cookie' });
    const quoted = await send([`Cookie: access_token="${TOKEN}"`], cookie);
    expect(quoted.json()).toEqual({ token: TOKEN, source: 'cookie' });
  });

  it('reads it from a second Cookie header line and is case-sensitive on the name', async () => {
    const res = await send(['Cookie: a=1', `Cookie: access_token=${TOKEN}`], cookie);
    expect(res.json()).toEqual({ token: TOKEN, source: 'cookie' });
    expect((await send([`Cookie: Access_Token=${TOKEN}`], cookie)).json()).toBeNull();
    expect((await send([`Cookie: xaccess_token=${TOKEN}`], cookie)).json()).toBeNull();
  });

  it('ignores cookies unless a cookie name is configured', async () => {
    expect((await send([`Cookie: access_token=${TOKEN}`])).json()).toBeNull();
  });

  it('treats an emptied cookie as no token', async () => {
    expect((await send(['Cookie: access_token=; a=b'], cookie)).json()).toBeNull();
  });

  it('rejects the cookie sent twice (cookie tossing) and a malformed value', async () => {
    await expectInvalid([`Cookie: access_token=${TOKEN}; access_token=${OTHER}`], cookie);
    await expectInvalid([`Cookie: access_token=${TOKEN}`, `Cookie: access_token=${OTHER}`], cookie);
    await expectInvalid(['Cookie: access_token=abc%20def'], cookie);
  });

  it('rejects a token sent both in the header and in the cookie', async () => {
    await expectInvalid(
      [`Authorization: Bearer ${TOKEN}`, `Cookie: access_token=${TOKEN}`],
      cookie,
    );
  });
});

describe('access_token query parameter', () => {
  it('is ignored unless enabled', async () => {
    expect((await send([], {}, `/x?access_token=${TOKEN}`)).json()).toBeNull();
  });

  it('is read when enabled', async () => {
    const res = await send([], { query: true }, `/x?a=1&access_token=${TOKEN}`);
    expect(res.json()).toEqual({ token: TOKEN, source: 'query' });
  });

  it('rejects a repeated or malformed parameter, and a second source', async () => {
    await expectInvalid([], { query: true }, `/?access_token=${TOKEN}&access_token=${TOKEN}`);
    await expectInvalid([], { query: true }, '/?access_token=a%20b');
    await expectInvalid([], { query: true }, '/?access_token=');
    await expectInvalid(
      [`Authorization: Bearer ${TOKEN}`],
      { query: true },
      `/?access_token=${TOKEN}`,
    );
  });
});

describe('custom getter', () => {
  it('supplies the token, sync or async', async () => {
    const sync = await send([`X-Token: ${TOKEN}`], {
      getToken: (req) => req.headers['x-token'] as string | undefined,
    });
    expect(sync.json()).toEqual({ token: TOKEN, source: 'custom' });
    const async = await send([], { getToken: async () => TOKEN });
    expect(async.json()).toEqual({ token: TOKEN, source: 'custom' });
  });

  it('null, undefined and empty mean no token', async () => {
    for (const value of [null, undefined, '']) {
      expect((await send([], { getToken: () => value })).json()).toBeNull();
    }
  });

  it('counts as a second source next to the header', async () => {
    await expectInvalid([`Authorization: Bearer ${TOKEN}`], { getToken: () => OTHER });
    // Even the same token: one method per request (RFC 6750 §2).
    await expectInvalid([`Authorization: Bearer ${TOKEN}`], { getToken: () => TOKEN });
  });

  it("passes a getter failure on unchanged (the app's bug, not a 4xx), and a JwtError through", async () => {
    const bug = await send([], {
      getToken: () => {
        throw new Error('boom');
      },
    });
    expect(bug.status).toBe(599);
    expect(bug.json()).toEqual({ unexpected: 'Error: boom' });
    const wrongType = await send([], { getToken: () => 42 as unknown as string });
    expect(wrongType.status).toBe(599);
    expect(wrongType.json()).toEqual({
      unexpected:
        'TypeError: tokenward: getToken must return a string, { token, source }, undefined or null, not number',
    });
    const res = await send([], {
      getToken: () => Promise.reject(new JwtError('ERR_JWT_MALFORMED')),
    });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ code: 'ERR_JWT_MALFORMED' });
  });
});

describe('options', () => {
  it.each([
    [{ cookie: 'bad name' }, 'cookie'],
    [{ cookie: '' }, 'cookie'],
    [{ query: 'yes' }, 'query'],
    [{ getToken: 'x' }, 'getToken'],
  ])('refuses %p at construction, naming the option', (opts, name) => {
    expect(() => createTokenExtractor(opts as TokenExtractorOptions)).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining(`"${name}"`),
      }),
    );
  });
});
