import { SignJWT } from 'jose';
import { createAuthenticator, JwtError } from '@tokenward/core';

const SECRET = 'an-env-secret-that-is-at-least-32-bytes';
const NAMES = [
  'JWT_SECRET',
  'JWT_PUBLIC_KEY',
  'JWT_JWKS_URI',
  'JWT_ALGORITHMS',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
];
const saved = new Map(NAMES.map((n) => [n, process.env[n]]));

afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('createAuthenticator() with no options', () => {
  it('configures itself from the environment', async () => {
    for (const name of NAMES) delete process.env[name];
    process.env.JWT_SECRET = SECRET;
    process.env.JWT_ISSUER = 'env-issuer';
    const auth = createAuthenticator();
    const good = await new SignJWT({ sub: 'a' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('env-issuer')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const view = (token: string) => ({
      method: 'GET',
      url: '/',
      headers: { authorization: `Bearer ${token}` },
      secure: true,
    });
    expect((await auth.authenticate(view(good))).authenticated).toBe(true);
    const otherIssuer = await new SignJWT({ sub: 'a' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('someone-else')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(auth.authenticate(view(otherIssuer))).rejects.toMatchObject({
      code: 'ERR_JWT_ISSUER_MISMATCH',
    });
  });

  it('fails at startup naming the variables when the environment has no key', () => {
    for (const name of NAMES) delete process.env[name];
    let err: unknown;
    try {
      createAuthenticator({ cookie: 'access_token' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JwtError);
    expect((err as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    expect((err as JwtError).message).toMatch(/"key".*JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URI/);
  });
});
