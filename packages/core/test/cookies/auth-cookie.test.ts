import { generateKeyPairSync, sign } from 'node:crypto';
import {
  clearAuthCookie,
  createTokenExtractor,
  serializeAuthCookie,
  type AuthCookieOptions,
} from '@tokenward/core';
import { rawRequest, startViewServer } from '../helpers/view-server';

const NOW = 1_700_000_000_000;
const clock = () => NOW;
const { privateKey } = generateKeyPairSync('ed25519');

function token(claims: object): string {
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString(
    'base64url',
  );
  return `${header}.${payload}.${signature}`;
}

const T = token({ sub: 'alice', exp: NOW / 1000 + 900 });

describe('serializeAuthCookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, Path=/ with Max-Age until exp by default', () => {
    expect(serializeAuthCookie(T, { clock })).toBe(
      `access_token=${T}; Max-Age=900; Path=/; HttpOnly; Secure; SameSite=Strict`,
    );
  });

  it('rounds Max-Age up to whole seconds, never below 0, and omits it without exp', () => {
    const fractional = token({ exp: NOW / 1000 + 10.1 });
    expect(serializeAuthCookie(fractional, { clock })).toContain('; Max-Age=11;');
    // Signed at a whole second, serialized a few milliseconds later: the whole lifetime.
    expect(serializeAuthCookie(T, { clock: () => NOW + 7 })).toContain('; Max-Age=900;');
    expect(serializeAuthCookie(T, { clock: () => NOW + 999 })).toContain('; Max-Age=900;');
    expect(serializeAuthCookie(T, { clock: () => NOW + 1000 })).toContain('; Max-Age=899;');
    expect(serializeAuthCookie(token({ exp: NOW / 1000 }), { clock: () => NOW + 1 })).toContain(
      '; Max-Age=0;',
    );
    expect(serializeAuthCookie(token({ exp: NOW / 1000 - 5 }), { clock })).toContain(
      '; Max-Age=0;',
    );
    expect(serializeAuthCookie(token({ sub: 'x' }), { clock })).toBe(
      `access_token=${token({ sub: 'x' })}; Path=/; HttpOnly; Secure; SameSite=Strict`,
    );
    expect(serializeAuthCookie(T, { clock, maxAge: 60 })).toContain('; Max-Age=60;');
  });

  it('takes name, path, domain, SameSite and an explicit opt-out of HttpOnly/Secure', () => {
    expect(
      serializeAuthCookie(T, {
        clock,
        name: 'session',
        path: '/api',
        domain: 'example.com',
        sameSite: 'Lax',
        httpOnly: false,
        secure: false,
      }),
    ).toBe(`session=${T}; Max-Age=900; Path=/api; Domain=example.com; SameSite=Lax`);
    expect(serializeAuthCookie(T, { clock, name: '__Host-at' })).toMatch(
      /^__Host-at=.*; Secure; SameSite=Strict$/,
    );
  });

  it.each<[AuthCookieOptions, string]>([
    [{ httpOnly: 'false' as unknown as boolean }, 'httpOnly'],
    [{ httpOnly: 0 as unknown as boolean }, 'httpOnly'],
    [{ httpOnly: null as unknown as boolean }, 'httpOnly'],
    [{ secure: 'no' as unknown as boolean }, 'secure'],
    [{ sameSite: 'strictest' as 'Strict' }, 'sameSite'],
    [{ sameSite: 'None', secure: false }, 'sameSite'],
    [{ name: 'a b' }, 'name'],
    [{ name: '__Host-x', path: '/api' }, 'name'],
    [{ name: '__Host-x', domain: 'example.com' }, 'name'],
    [{ name: '__Secure-x', secure: false }, 'secure'],
    [{ path: 'api' }, 'path'],
    [{ path: '/a;b' }, 'path'],
    [{ domain: 'exa mple.com' }, 'domain'],
    [{ maxAge: -1 }, 'maxAge'],
    [{ maxAge: 1.5 }, 'maxAge'],
  ])('refuses %p naming the option', (options, name) => {
    expect(() => serializeAuthCookie(T, { clock, ...options })).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining(`"${name}"`),
      }),
    );
  });

  it('refuses something that is not a compact JWT', () => {
    for (const bad of ['', 'a.b', 'abc; Path=/', 'a.!!.c', `${T}.x`, 'x.e30x.y']) {
      expect(() => serializeAuthCookie(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_JWT_MALFORMED' }),
      );
    }
  });

  it('produces a cookie that the extractor reads back from a real request', async () => {
    const server = await startViewServer((view) =>
      createTokenExtractor({ cookie: 'access_token' })(view),
    );
    try {
      const pair = serializeAuthCookie(T, { clock }).split(';')[0];
      const res = await server.raw(rawRequest([`Cookie: theme=dark; ${pair}`]));
      expect(res.json()).toEqual({ token: T, source: 'cookie' });
    } finally {
      await server.close();
    }
  });
});

describe('clearAuthCookie', () => {
  it('expires the cookie with the same attributes', () => {
    expect(clearAuthCookie()).toBe(
      'access_token=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    expect(clearAuthCookie({ name: '__Host-at' })).toBe(
      '__Host-at=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
  });
});
