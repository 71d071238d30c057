import { SignJWT } from 'jose';
import {
  createAuthenticator,
  createVerifier,
  JwtError,
  type AuthenticatorOptions,
  type Authenticator,
  type RequestView,
} from '@tokenward/core';
import { rawRequest, startViewServer, type ViewServer } from '../helpers/view-server';

const SECRET = 'an-hs256-test-secret-of-32-bytes-or-more!';
const key = new TextEncoder().encode(SECRET);
const NOW = 1_700_000_000;
const clock = () => NOW * 1000;

function sign(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', ...header })
    .setIssuedAt(NOW - 10)
    .setExpirationTime(NOW + 600)
    .sign(key);
}

let server: ViewServer;
let auth: Authenticator;
let overrides: Partial<RequestView> = {};
let requirement: Parameters<Authenticator['authorize']>[1] | undefined;

beforeAll(async () => {
  server = await startViewServer(async (view) => {
    const result = await auth.authenticate({ ...view, ...overrides });
    if (requirement !== undefined)
      auth.authorize(result.authenticated ? result.claims : undefined, requirement);
    return result;
  });
});
afterAll(() => server.close());

function use(
  options: AuthenticatorOptions = {},
  view: Partial<RequestView> = {},
  need?: typeof requirement,
) {
  auth = createAuthenticator({ algorithms: ['HS256'], key: SECRET, clock, ...options });
  overrides = view;
  requirement = need;
}

const get = (lines: string[], method = 'GET', target = '/') =>
  server.raw(rawRequest(lines, method, target));

describe('authenticate', () => {
  it('returns the verified claims, header, token and source', async () => {
    use();
    const token = await sign({ sub: 'alice', roles: ['admin'] });
    const res = await get([`Authorization: Bearer ${token}`]);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      authenticated: true,
      claims: { sub: 'alice', roles: ['admin'], iat: NOW - 10, exp: NOW + 600 },
      header: { alg: 'HS256' },
      token,
      source: 'header',
    });
  });

  it('no token: 401 with a challenge without error (RFC 6750 §3.1), in the configured realm', async () => {
    use({ realm: 'orders api' });
    const before = server.calls();
    const res = await get([]);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="orders api"');
    expect(res.json()).toEqual({
      error: 'unauthorized',
      error_description: 'No access token was provided',
      code: 'ERR_JWT_MISSING',
    });
    expect(server.calls()).toBe(before + 1);
    expect((await get(['Authorization: Basic dXNlcjpwYXNz'])).status).toBe(401);
  });

  it('lets a CORS preflight without token through as anonymous, like express-jwt', async () => {
    use();
    const preflight = await get(
      [
        'Origin: https://app.example',
        'Access-Control-Request-Method: POST',
        'Access-Control-Request-Headers: authorization',
      ],
      'OPTIONS',
    );
    expect(preflight.json()).toEqual({ authenticated: false });
    expect((await get([], 'OPTIONS')).status).toBe(401);
  });

  it.each([
    ['expired', { exp: NOW - 1 }, 'ERR_JWT_EXPIRED', 'The access token expired'],
    [
      'not yet valid',
      { nbf: NOW + 60 },
      'ERR_JWT_NOT_YET_VALID',
      'The access token is not valid yet',
    ],
  ])(
    '%s token: 401 invalid_token with the code’s description',
    async (_n, claims, code, description) => {
      use();
      const token = await new SignJWT({ sub: 'a', exp: NOW + 600, ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(key);
      const res = await get([`Authorization: Bearer ${token}`]);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(
        `Bearer realm="api", error="invalid_token", error_description="${description}"`,
      );
      expect(res.json()).toEqual({ error: 'invalid_token', error_description: description, code });
    },
  );

  it('builds the challenge from the code only, never from token contents', async () => {
    use();
    const evil = await new SignJWT({ sub: '"\r\nSet-Cookie: x=1' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k"\\ \r\nX-Evil: 1' })
      .setExpirationTime(NOW + 600)
      .sign(new TextEncoder().encode('another-secret-that-is-32-bytes-long!!'));
    const res = await get([`Authorization: Bearer ${evil}`]);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="invalid_token", error_description="The access token signature is invalid"',
    );
    expect(res.headers['x-evil']).toBeUndefined();
    expect(res.body).not.toContain('Evil');
  });

  it('a malformed request is 400 invalid_request', async () => {
    use({ cookie: 'at' });
    const token = await sign({ sub: 'a' });
    const res = await get([`Authorization: Bearer ${token}`, `Cookie: at=${token}`]);
    expect(res.status).toBe(400);
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="invalid_request", error_description="The request carries a malformed or ambiguous access token"',
    );
  });
});

describe('optional authentication (credentialsRequired: false)', () => {
  it('lets a request without token through as anonymous, also with another scheme', async () => {
    use({ credentialsRequired: false });
    expect((await get([])).json()).toEqual({ authenticated: false });
    expect((await get(['Authorization: Basic dXNlcjpwYXNz'])).json()).toEqual({
      authenticated: false,
    });
  });

  it('still rejects a bad token, and a malformed header', async () => {
    use({ credentialsRequired: false });
    const expired = await new SignJWT({ exp: NOW - 5 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key);
    expect((await get([`Authorization: Bearer ${expired}`])).status).toBe(401);
    expect((await get(['Authorization: Bearer'])).status).toBe(400);
  });

  it('answers a role requirement on an anonymous request with 401, not 403', async () => {
    use({ credentialsRequired: false }, {}, { roles: ['admin'] });
    const res = await get([]);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  });
});

describe('authorize', () => {
  it('403 insufficient_scope with the scope attribute and the realm', async () => {
    use({ realm: 'shop', rolesClaim: 'realm_access.roles' }, {}, { roles: ['admin'] });
    const bob = await sign({ sub: 'bob', realm_access: { roles: ['user'] } });
    const res = await get([`Authorization: Bearer ${bob}`]);
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="shop", error="insufficient_scope", error_description="The access token does not grant the required scope", scope="admin"',
    );
    const alice = await sign({ sub: 'alice', realm_access: { roles: ['admin'] } });
    expect((await get([`Authorization: Bearer ${alice}`])).status).toBe(200);
  });

  it('applies the role hierarchy and the scope claim locations', async () => {
    use(
      { roleHierarchy: { admin: ['editor'] }, scopesClaim: ['scope', 'permissions'] },
      {},
      { roles: ['editor'], scopes: ['read:orders'] },
    );
    const token = await sign({ roles: ['admin'], permissions: ['read:orders'] });
    expect((await get([`Authorization: Bearer ${token}`])).status).toBe(200);
  });
});

describe('refuse', () => {
  it('throws 403 insufficient_scope in the configured realm, without a scope attribute', () => {
    const shop = createAuthenticator({ algorithms: ['HS256'], key: SECRET, realm: 'shop' });
    let err: unknown;
    try {
      shop.refuse();
    } catch (thrown) {
      err = thrown;
    }
    expect(err).toBeInstanceOf(JwtError);
    const refused = err as JwtError;
    expect([refused.code, refused.status, refused.realm]).toEqual([
      'ERR_JWT_INSUFFICIENT_SCOPE',
      403,
      'shop',
    ]);
    expect(refused.scope).toBeUndefined();
    expect(refused.headers['WWW-Authenticate']).toBe(
      'Bearer realm="shop", error="insufficient_scope", error_description="The access token does not grant the required scope"',
    );
    // A fresh error each time: an app that changes one changes no other.
    refused.realm = 'x';
    expect(() => shop.refuse()).toThrow(expect.objectContaining({ realm: 'shop' }));
  });
});

describe('cookies and CSRF', () => {
  it('authenticates by cookie, and refuses an unsafe cross-site request with 403 and no challenge', async () => {
    use({ cookie: 'access_token' });
    const token = await sign({ sub: 'alice' });
    const cookie = `Cookie: access_token=${token}`;
    expect((await get([cookie, 'Origin: https://evil.example'])).json()).toMatchObject({
      source: 'cookie',
    });
    const res = await get([cookie, 'Origin: https://evil.example'], 'POST');
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.json()).toMatchObject({ code: 'ERR_JWT_CSRF' });
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await get([cookie, 'Sec-Fetch-Site: cross-site'], method)).status).toBe(403);
    }
    expect((await get([cookie, 'Origin: http://127.0.0.1'], 'POST')).status).toBe(200);
  });

  it('does not apply to Bearer-header requests', async () => {
    use({ cookie: 'access_token' });
    const token = await sign({ sub: 'alice' });
    const res = await get(
      [`Authorization: Bearer ${token}`, 'Origin: https://evil.example'],
      'POST',
    );
    expect(res.status).toBe(200);
  });

  it('accepts the configured allowedOrigins', async () => {
    use({ cookie: 'access_token', allowedOrigins: ['https://app.example'] });
    const token = await sign({ sub: 'alice' });
    const res = await get(
      [`Cookie: access_token=${token}`, 'Origin: https://app.example'],
      'DELETE',
    );
    expect(res.status).toBe(200);
  });
});

describe('CSRF for a custom getToken', () => {
  // A getter that reads the token from a cookie of its own choosing (cookie-parser style).
  const readSession = (req: RequestView): string | undefined =>
    /(?:^|;\s*)session=([^;]+)/.exec(String(req.headers.cookie ?? ''))?.[1];
  const foreign = 'Origin: https://evil.example';

  it('applies when the request’s Cookie header carries the token, whatever the getter says', async () => {
    use({ getToken: readSession });
    const token = await sign({ sub: 'alice' });
    const res = await get([`Cookie: theme=dark; session=${token}`, foreign], 'POST');
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ERR_JWT_CSRF' });
    expect(server.calls()).toBeGreaterThan(0);
    // Same origin and safe methods pass, and the result names the cookie as the source.
    const own = await get([`Cookie: session=${token}`, 'Origin: http://127.0.0.1'], 'POST');
    expect(own.json()).toMatchObject({ authenticated: true, source: 'cookie' });
    expect((await get([`Cookie: session=${token}`, foreign])).status).toBe(200);
  });

  it('applies when the getter says source: cookie, however the cookie wraps the token', async () => {
    // The cookie holds the token base64-encoded: only the getter knows it came from a cookie.
    use({
      getToken: (req) => {
        const wrapped = readSession(req);
        if (wrapped === undefined) return undefined;
        return { token: Buffer.from(wrapped, 'base64url').toString(), source: 'cookie' };
      },
    });
    const token = Buffer.from(await sign({ sub: 'alice' })).toString('base64url');
    const res = await get([`Cookie: session=${token}`, 'Sec-Fetch-Site: cross-site'], 'DELETE');
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ERR_JWT_CSRF' });
    expect((await get([`Cookie: session=${token}`], 'DELETE')).json()).toMatchObject({
      source: 'cookie',
    });
  });

  it('does not apply to a token the getter read elsewhere; an unknown source is a bug of the app', async () => {
    use({ getToken: (req) => ({ token: String(req.headers['x-token']), source: 'custom' }) });
    const token = await sign({ sub: 'alice' });
    const res = await get([`X-Token: ${token}`, 'Cookie: theme=dark', foreign], 'POST');
    expect(res.json()).toMatchObject({ authenticated: true, source: 'custom' });
    use({ getToken: () => ({ token, source: 'header' }) as never });
    // Not a JwtError: it goes to the framework's error path (a 500), never a 4xx.
    const bad = await get([foreign], 'POST');
    expect(bad.status).toBe(599);
    expect(bad.json()).toEqual({
      unexpected: `TypeError: tokenward: getToken returned { source: "header" }; it must be 'cookie' or 'custom'`,
    });
  });
});

describe('requireHttps', () => {
  it('refuses a token over plain HTTP from a non-loopback client with 400 invalid_request', async () => {
    use({ requireHttps: true }, { remoteAddress: '203.0.113.7' });
    const token = await sign({ sub: 'a' });
    const res = await get([`Authorization: Bearer ${token}`]);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ERR_JWT_HTTPS_REQUIRED', error: 'invalid_request' });
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="invalid_request", error_description="Access tokens are only accepted over HTTPS"',
    );
  });

  it('accepts HTTPS as the framework decided it (trust proxy), and loopback clients', async () => {
    const token = await sign({ sub: 'a' });
    use({ requireHttps: true }, { remoteAddress: '203.0.113.7', secure: true });
    expect((await get([`Authorization: Bearer ${token}`])).status).toBe(200);
    use({ requireHttps: true }); // the real peer: 127.0.0.1
    expect((await get([`Authorization: Bearer ${token}`])).status).toBe(200);
  });

  it('does not exempt a loopback proxy relaying someone else’s request', async () => {
    use({ requireHttps: true });
    const token = await sign({ sub: 'a' });
    const res = await get([`Authorization: Bearer ${token}`, 'X-Forwarded-For: 203.0.113.7']);
    expect(res.status).toBe(400);
  });

  it('still answers a request without token with 401', async () => {
    use({ requireHttps: true }, { remoteAddress: '203.0.113.7' });
    expect((await get([])).status).toBe(401);
  });
});

describe('validateClaims and errors', () => {
  interface Tenant {
    sub: string;
    tenant: string;
  }
  const isTenant = (c: Record<string, unknown>): Tenant => {
    if (typeof c.tenant !== 'string' || typeof c.sub !== 'string') {
      throw new JwtError('ERR_JWT_CLAIM_INVALID', 'no tenant', {
        details: { claim: 'tenant', reason: 'missing' },
      });
    }
    return c as unknown as Tenant;
  };

  it('types the claims from the options and rejects claims it refuses with 401', async () => {
    const typed = createAuthenticator({
      algorithms: ['HS256'],
      key: SECRET,
      clock,
      validateClaims: isTenant,
    });
    const view = (token: string): RequestView => ({
      method: 'GET',
      url: '/',
      headers: { authorization: `Bearer ${token}` },
      secure: true,
    });
    const result = await typed.authenticate(view(await sign({ sub: 'a', tenant: 't1' })));
    // Compile-time: `tenant` is a string here, without casts.
    const tenant: string = result.authenticated ? result.claims.tenant : 'none';
    expect(tenant).toBe('t1');
    const err = await typed.authenticate(view(await sign({ sub: 'a' }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JwtError);
    expect((err as JwtError).code).toBe('ERR_JWT_CLAIM_INVALID');
    expect((err as JwtError).realm).toBe('api');
  });

  it("passes what the app throws on unchanged: a bug is a server error, not the client's", async () => {
    const view: RequestView = {
      method: 'GET',
      url: '/',
      headers: { authorization: 'Bearer a.b.c' },
      secure: true,
    };
    const bug = new TypeError('bug');
    const failing = createAuthenticator({
      verifier: {
        verify: () => {
          throw bug;
        },
      } as never,
    });
    await expect(failing.authenticate(view)).rejects.toBe(bug);
    const token = await sign({ sub: 'a' });
    const withToken = { ...view, headers: { authorization: `Bearer ${token}` } };
    const throwing = createAuthenticator({
      algorithms: ['HS256'],
      key: SECRET,
      clock,
      validateClaims: (c): never => {
        throw new Error(`schema refused ${String(c.sub)}`);
      },
    });
    await expect(throwing.authenticate(withToken)).rejects.toThrow('schema refused a');
    const noObject = createAuthenticator({
      algorithms: ['HS256'],
      key: SECRET,
      clock,
      validateClaims: () => undefined as never,
    });
    const err = await noObject.authenticate(withToken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toMatch(/validateClaims must return the claims object/);
  });

  it('says so clearly when the request has no headers (a hand-built request)', async () => {
    const a = createAuthenticator({ algorithms: ['HS256'], key: SECRET, clock });
    const err = await a.authenticate({ method: 'GET', url: '/' } as RequestView).catch((e) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toMatch(/has no headers object/);
  });
});

describe('construction', () => {
  it('takes a prebuilt verifier, but not together with verifier options', async () => {
    const verifier = createVerifier({ algorithms: ['HS256'], key: SECRET, clock });
    const prebuilt = createAuthenticator({ verifier });
    expect(prebuilt.verifier).toBe(verifier);
    const token = await sign({ sub: 'a' });
    const result = await prebuilt.authenticate({
      method: 'GET',
      url: '/',
      headers: { authorization: `Bearer ${token}` },
      secure: true,
    });
    expect(result.authenticated).toBe(true);
    expect(() => createAuthenticator({ verifier, issuer: 'x' })).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining('"verifier"'),
      }),
    );
  });

  it.each<[AuthenticatorOptions, string]>([
    [{ realm: 'a"b' }, 'realm'],
    [{ realm: '' }, 'realm'],
    [{ credentialsRequired: 'no' as unknown as boolean }, 'credentialsRequired'],
    [{ requireHttps: 1 as unknown as boolean }, 'requireHttps'],
    [{ validateClaims: 'x' as never }, 'validateClaims'],
    [{ cookie: 'a;b' }, 'cookie'],
    [{ allowedOrigins: ['*'] }, 'allowedOrigins'],
    [{ rolesClaim: '' }, 'rolesClaim'],
    [{ algorithms: [] }, 'algorithms'],
  ])('refuses %p naming the option', (options, name) => {
    expect(() => createAuthenticator({ algorithms: ['HS256'], key: SECRET, ...options })).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining(`"${name}"`),
      }),
    );
  });
});
