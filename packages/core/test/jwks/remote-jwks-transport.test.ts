import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJwks, JwtError, type RemoteJwksOptions } from '@tokenward/core';
import { json, startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { ecKey } from '../helpers/test-keys';

let server: JwksServer;
const k1 = ecKey('k1');
const k2 = ecKey('k2');

beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

let n = 0;
async function resolveWith(answer: unknown, options: RemoteJwksOptions = {}) {
  const p = `/t-${++n}`;
  server.route(p, answer);
  const jwks = createRemoteJwks(`${server.origin}${p}`, options);
  try {
    return { key: await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'), p };
  } catch (err) {
    if (err instanceof JwtError) return { err, p };
    throw err;
  }
}

function unavailable(result: { err?: JwtError }): void {
  expect(result.err?.code).toBe('ERR_JWKS_UNAVAILABLE');
  expect(result.err?.status).toBe(503);
}

describe('what never becomes a verification key', () => {
  it.each<[string, unknown]>([
    ['garbage', (_q: IncomingMessage, r: ServerResponse) => json(r, '{"keys": [')],
    [
      'non-UTF-8 bytes',
      (_q: IncomingMessage, r: ServerResponse) => r.end(Buffer.from([0x7b, 0xff, 0x7d])),
    ],
    ['HTML', (_q: IncomingMessage, r: ServerResponse) => json(r, '<html>login</html>')],
    ['an array', [k1.jwk]],
    ['null', (_q: IncomingMessage, r: ServerResponse) => json(r, 'null')],
    ['an object without keys', { kty: 'EC' }],
    ['an empty set', { keys: [] }],
    ['only use:enc keys', { keys: [{ ...k1.jwk, use: 'enc' }] }],
    [
      'only oct keys',
      { keys: [{ kty: 'oct', kid: 'k1', k: Buffer.alloc(32, 1).toString('base64url') }] },
    ],
    ['only private keys', { keys: [{ ...k1.privateKey.export({ format: 'jwk' }), kid: 'k1' }] }],
    ['keys of unknown types', { keys: [{ kty: 'XYZ', kid: 'k1' }, 'junk', null] }],
  ])('%s: nothing usable, 503', async (_name, answer) => {
    unavailable(await resolveWith(answer));
  });

  it('skips bad keys of a set and keeps the good ones', async () => {
    const result = await resolveWith({
      keys: [
        { kty: 'oct', kid: 'x', k: 'AAAA' },
        { ...k2.jwk, use: 'enc' },
        { kty: 'RSA', kid: 'r' },
        k1.jwk,
      ],
    });
    expect(result.key?.kid).toBe('k1');
  });

  it('drops every key whose kid is duplicated', async () => {
    const other = ecKey('k1');
    const result = await resolveWith({ keys: [k1.jwk, other.jwk, k2.jwk] });
    expect(result.err?.code).toBe('ERR_JWT_KEY_NOT_FOUND');
  });
});

describe('transport', () => {
  it.each([404, 500, 503])('HTTP %d is a failure', async (status) => {
    unavailable(
      await resolveWith((_q: IncomingMessage, r: ServerResponse) =>
        json(r, { keys: [k1.jwk] }, status),
      ),
    );
  });

  it('refuses redirects, even to the same origin, and never follows them', async () => {
    server.route('/target', { keys: [k1.jwk] });
    const before = server.hits('/target');
    for (const status of [301, 302, 307, 308]) {
      unavailable(
        await resolveWith((_q: IncomingMessage, r: ServerResponse) => {
          r.writeHead(status, { location: `${server.origin}/target` });
          r.end();
        }),
      );
    }
    expect(server.hits('/target')).toBe(before);
  });

  it('gives up on a server that never answers after timeoutDuration', async () => {
    const result = await resolveWith(() => undefined, { timeoutDuration: 200 });
    unavailable(result);
    expect(server.hits(result.p)).toBe(1);
  });

  it('gives up on a body that stalls half-way', async () => {
    const result = await resolveWith(
      (_q: IncomingMessage, r: ServerResponse) => {
        r.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        r.write('{"keys": [');
      },
      { timeoutDuration: 200 },
    );
    unavailable(result);
  });

  it('caps the response size, declared or streamed', async () => {
    const big = { keys: [k1.jwk], padding: 'x'.repeat(300_000) };
    unavailable(await resolveWith(big));
    unavailable(
      await resolveWith(
        (_q: IncomingMessage, r: ServerResponse) => {
          r.writeHead(200, { 'content-type': 'application/json' }); // chunked, no length
          r.write(JSON.stringify({ keys: [k1.jwk], padding: '' }).slice(0, -2));
          r.end(`${'x'.repeat(2000)}"}`);
        },
        { maxResponseSize: 1024 },
      ),
    );
    expect((await resolveWith({ keys: [k1.jwk] }, { maxResponseSize: 1024 })).key?.kid).toBe('k1');
  });

  it('tells onError why, without response contents in the message', async () => {
    const messages: string[] = [];
    await resolveWith(
      (_q: IncomingMessage, r: ServerResponse) => json(r, '{"secret-looking": "abc', 200),
      {
        onError: (err) => messages.push(err.message),
      },
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^The key set could not be fetched: /);
    expect(messages[0]).not.toContain('secret-looking');
  });
});

describe('URL policy', () => {
  it.each([
    'http://example.com/jwks',
    'http://10.0.0.1/jwks',
    'ftp://example.com/jwks',
    'file:///etc/jwks.json',
    'https://user:pass@example.com/jwks',
    'https://example.com/jwks#x',
    'not a url',
    '/relative/jwks',
  ])('refuses %s at construction', (url) => {
    expect(() => createRemoteJwks(url)).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining('"url"'),
      }),
    );
  });

  it.each([
    'https://example.com/jwks',
    'http://127.0.0.1:8080/jwks',
    'http://127.1.2.3/jwks',
    'http://localhost:3000/jwks',
    'http://[::1]:3000/jwks',
  ])('accepts %s', (url) => {
    expect(createRemoteJwks(url).url).toBe(url);
  });

  it('accepts plain http beyond loopback only with allowInsecureHttp', () => {
    expect(createRemoteJwks('http://keys.internal/jwks', { allowInsecureHttp: true }).url).toBe(
      'http://keys.internal/jwks',
    );
  });

  it.each<[RemoteJwksOptions, string]>([
    [{ cacheMaxAge: 0 }, 'cacheMaxAge'],
    [{ cooldownDuration: -1 }, 'cooldownDuration'],
    [{ timeoutDuration: 1.5 }, 'timeoutDuration'],
    [{ maxResponseSize: Infinity }, 'maxResponseSize'],
    [{ staleIfError: '1h' as unknown as number }, 'staleIfError'],
    [{ onError: 'log' as unknown as () => void }, 'onError'],
    [{ allowInsecureHttp: 'yes' as unknown as boolean }, 'allowInsecureHttp'],
    [{ discovery: 1 as unknown as boolean }, 'discovery'],
    [{ headers: { a: 1 } as unknown as Record<string, string> }, 'headers'],
  ])('refuses %p naming the option', (options, name) => {
    expect(() => createRemoteJwks('https://example.com/jwks', options)).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining(`"${name}"`),
      }),
    );
  });

  it('sends the configured headers', async () => {
    let seen: string | undefined;
    await resolveWith(
      (q: IncomingMessage, r: ServerResponse) => {
        seen = q.headers['user-agent'];
        json(r, { keys: [k1.jwk] });
      },
      { headers: { 'user-agent': 'tokenward-test' } },
    );
    expect(seen).toBe('tokenward-test');
  });
});
