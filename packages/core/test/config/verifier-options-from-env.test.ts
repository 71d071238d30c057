import { generateKeyPairSync } from 'node:crypto';
import { JwtError, verifierOptionsFromEnv, type JwtEnv } from '@tokenward/core';

const SECRET = 'S3cr3t-value-that-is-long-enough-for-hs256!';
const LONG_SECRET = SECRET.repeat(2);
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

function failure(env: JwtEnv): JwtError {
  try {
    verifierOptionsFromEnv(env);
  } catch (err) {
    if (err instanceof JwtError) return err;
    throw err;
  }
  throw new Error('expected a JwtError');
}

describe('verifierOptionsFromEnv', () => {
  it('JWT_SECRET alone gives HS256', () => {
    expect(verifierOptionsFromEnv({ JWT_SECRET: SECRET })).toEqual({
      algorithms: ['HS256'],
      key: SECRET,
    });
  });

  it('reads issuer, audience (one or a list) and clock tolerance', () => {
    expect(
      verifierOptionsFromEnv({
        JWT_SECRET: LONG_SECRET,
        JWT_ALGORITHMS: 'HS256, HS384',
        JWT_ISSUER: 'https://issuer.example/',
        JWT_AUDIENCE: 'api-a, api-b',
        JWT_CLOCK_TOLERANCE: '30',
      }),
    ).toEqual({
      algorithms: ['HS256', 'HS384'],
      key: LONG_SECRET,
      issuer: 'https://issuer.example/',
      audience: ['api-a', 'api-b'],
      clockTolerance: 30,
    });
  });

  it('JWT_PUBLIC_KEY with JWT_ALGORITHMS, also with literal \\n escapes', () => {
    expect(verifierOptionsFromEnv({ JWT_PUBLIC_KEY: PUBLIC_PEM, JWT_ALGORITHMS: 'ES256' })).toEqual(
      {
        algorithms: ['ES256'],
        key: PUBLIC_PEM,
      },
    );
    const oneLine = PUBLIC_PEM.replace(/\n/g, '\\n');
    expect(verifierOptionsFromEnv({ JWT_PUBLIC_KEY: oneLine, JWT_ALGORITHMS: 'ES256' }).key).toBe(
      PUBLIC_PEM,
    );
  });

  it('JWT_JWKS_URI gives a remote key set (nothing is fetched yet)', () => {
    const options = verifierOptionsFromEnv({
      JWT_JWKS_URI: 'https://issuer.example/.well-known/jwks.json',
      JWT_ALGORITHMS: 'RS256 ES256',
    });
    expect(options.algorithms).toEqual(['RS256', 'ES256']);
    expect(options.key).toMatchObject({ url: 'https://issuer.example/.well-known/jwks.json' });
    expect(typeof (options.key as { resolve: unknown }).resolve).toBe('function');
  });

  it('treats empty variables as unset and reads process.env by default', () => {
    expect(
      verifierOptionsFromEnv({ JWT_SECRET: SECRET, JWT_PUBLIC_KEY: '', JWT_ISSUER: ' ' }),
    ).toEqual({
      algorithms: ['HS256'],
      key: SECRET,
    });
    const saved = process.env.JWT_SECRET;
    process.env.JWT_SECRET = SECRET;
    try {
      expect(verifierOptionsFromEnv().key).toBe(SECRET);
    } finally {
      if (saved === undefined) delete process.env.JWT_SECRET;
      else process.env.JWT_SECRET = saved;
    }
  });

  it.each<[string, JwtEnv, string[]]>([
    ['nothing set', {}, ['JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URI']],
    [
      'two key variables',
      { JWT_SECRET: SECRET, JWT_PUBLIC_KEY: PUBLIC_PEM },
      ['JWT_SECRET', 'JWT_PUBLIC_KEY'],
    ],
    [
      'three key variables',
      { JWT_SECRET: SECRET, JWT_PUBLIC_KEY: PUBLIC_PEM, JWT_JWKS_URI: 'https://x.example/jwks' },
      ['JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URI'],
    ],
    [
      'a public key without algorithms',
      { JWT_PUBLIC_KEY: PUBLIC_PEM },
      ['JWT_ALGORITHMS', 'JWT_PUBLIC_KEY'],
    ],
    [
      'a JWKS URI without algorithms',
      { JWT_JWKS_URI: 'https://x.example/jwks' },
      ['JWT_ALGORITHMS', 'JWT_JWKS_URI'],
    ],
    [
      'an HMAC algorithm with a public key',
      { JWT_PUBLIC_KEY: PUBLIC_PEM, JWT_ALGORITHMS: 'HS256' },
      ['JWT_ALGORITHMS'],
    ],
    [
      'an asymmetric algorithm with a secret',
      { JWT_SECRET: SECRET, JWT_ALGORITHMS: 'RS256' },
      ['JWT_ALGORITHMS', 'JWT_SECRET'],
    ],
    ['an unknown algorithm', { JWT_SECRET: SECRET, JWT_ALGORITHMS: 'none' }, ['JWT_ALGORITHMS']],
    ['an empty algorithm list', { JWT_SECRET: SECRET, JWT_ALGORITHMS: ' , ' }, ['JWT_ALGORITHMS']],
    ['a short secret', { JWT_SECRET: 'short-secret' }, ['JWT_SECRET']],
    [
      'a secret too short for HS512',
      { JWT_SECRET: SECRET, JWT_ALGORITHMS: 'HS512' },
      ['JWT_SECRET'],
    ],
    [
      'a private key as public key',
      { JWT_PUBLIC_KEY: PRIVATE_PEM, JWT_ALGORITHMS: 'ES256' },
      ['JWT_PUBLIC_KEY'],
    ],
    [
      'garbage as public key',
      { JWT_PUBLIC_KEY: 'not-a-pem-value-at-all', JWT_ALGORITHMS: 'ES256' },
      ['JWT_PUBLIC_KEY'],
    ],
    [
      'a plain-http JWKS URI',
      { JWT_JWKS_URI: 'http://x.example/jwks', JWT_ALGORITHMS: 'RS256' },
      ['JWT_JWKS_URI'],
    ],
    [
      'a bad clock tolerance',
      { JWT_SECRET: SECRET, JWT_CLOCK_TOLERANCE: '5s' },
      ['JWT_CLOCK_TOLERANCE'],
    ],
    [
      'a clock tolerance over 300',
      { JWT_SECRET: SECRET, JWT_CLOCK_TOLERANCE: '301' },
      ['JWT_CLOCK_TOLERANCE'],
    ],
  ])('fails at startup for %s, naming the variables and never a value', (_name, env, names) => {
    const err = failure(env);
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    for (const name of names) expect(err.message).toContain(name);
    for (const name of ['JWT_SECRET', 'JWT_PUBLIC_KEY']) {
      const value = env[name];
      if (value !== undefined) expect(err.message).not.toContain(value.trim().slice(0, 12));
    }
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain('short-secret');
    expect(err.message).not.toContain('BEGIN');
  });
});
