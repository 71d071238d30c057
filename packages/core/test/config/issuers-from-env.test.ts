import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import {
  createAuthenticator,
  createVerifier,
  verifierOptionsFromEnv,
  type JwtEnv,
} from '@tokenward/core';
import { thrown } from '../helpers/jwt-errors';

const A = 'https://login.company.example';
const B = 'https://partner.example';
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ONE_LINE = PEM.replace(/\n/g, '\\n');
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ISSUERS = JSON.stringify({
  [A]: { jwksUri: 'https://login.company.example/jwks', label: 'company' },
  [B]: { publicKey: ONE_LINE, audience: ['api', 'partner-api'], algorithms: ['ES256'] },
});

const failure = (env: JwtEnv) => thrown(() => verifierOptionsFromEnv(env));

const sign = (claims: Record<string, unknown>): Promise<string> =>
  new SignJWT({ sub: 'alice', ...claims })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

describe('JWT_ISSUERS', () => {
  it('gives the issuers option; a verifier built from it verifies the PEM issuer', async () => {
    const options = verifierOptionsFromEnv({
      JWT_ISSUERS: ISSUERS,
      JWT_ALGORITHMS: 'ES256,RS256',
      JWT_AUDIENCE: 'api',
    });
    expect(options).toMatchObject({
      algorithms: ['ES256', 'RS256'],
      audience: 'api',
      issuers: {
        [A]: { jwksUri: 'https://login.company.example/jwks', label: 'company' },
        [B]: { key: PEM, audience: ['api', 'partner-api'], algorithms: ['ES256'] },
      },
    });
    const verifier = createVerifier(options);
    const result = await verifier.verify(await sign({ iss: B, aud: 'partner-api' }));
    expect(result.issuer).toEqual({ iss: B });
    await expect(
      verifier.verify(await sign({ iss: 'https://evil.example', aud: 'api' })),
    ).rejects.toMatchObject({ code: 'ERR_JWT_ISSUER_MISMATCH' });
    verifier.close?.();
  });

  it('reads JWT_ISSUERS_FILE, the same JSON in a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenward-issuers-'));
    try {
      const file = join(dir, 'issuers.json');
      writeFileSync(file, ISSUERS);
      const options = verifierOptionsFromEnv({ JWT_ISSUERS_FILE: file, JWT_ALGORITHMS: 'ES256' });
      expect(Object.keys(options.issuers ?? {})).toEqual([A, B]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it.each([
    ['a key variable too', { JWT_SECRET: 'x'.repeat(40) }, /JWT_ISSUERS or JWT_SECRET/],
    ['JWT_ISSUER too', { JWT_ISSUER: A }, /JWT_ISSUERS or JWT_ISSUER,/],
    ['no JWT_ALGORITHMS', { JWT_ALGORITHMS: undefined }, /JWT_ALGORITHMS is required/],
    ['HMAC algorithms', { JWT_ALGORITHMS: 'HS256' }, /must not list HMAC/],
    ['both forms', { JWT_ISSUERS_FILE: '/nowhere.json' }, /only one of JWT_ISSUERS/],
    ['bad JSON', { JWT_ISSUERS: '{"a":' }, /JSON object keyed by issuer/],
    ['an array', { JWT_ISSUERS: '[]' }, /JSON object keyed by issuer/],
    ['an entry not an object', { JWT_ISSUERS: '{"a":"secret-value"}' }, /map to an object/],
    ['a secret field', { JWT_ISSUERS: '{"a":{"secret":"s3cr3t-value"}}' }, /"secret" is not/],
    [
      'a private key',
      { JWT_ISSUERS: JSON.stringify({ a: { publicKey: PRIVATE_PEM } }) },
      /holds a private key/,
    ],
  ])('refuses %s, naming variables, never values', (_what, extra, message) => {
    const env: Record<string, string | undefined> = {
      JWT_ISSUERS: ISSUERS,
      JWT_ALGORITHMS: 'ES256',
      ...extra,
    };
    const err = failure(env);
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/s3cr3t|secret-value|BEGIN/);
  });

  it('refuses an unreadable JWT_ISSUERS_FILE', () => {
    const err = failure({ JWT_ISSUERS_FILE: join(tmpdir(), 'no-such-issuers.json') });
    expect(err.message).toMatch(/JWT_ISSUERS_FILE names a file that cannot be read/);
  });

  it('configures createAuthenticator() with no options', async () => {
    const saved = { ...process.env };
    try {
      for (const name of ['JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URI', 'JWT_ISSUER']) {
        delete process.env[name];
      }
      Object.assign(process.env, { JWT_ISSUERS: ISSUERS, JWT_ALGORITHMS: 'ES256' });
      const auth = createAuthenticator();
      const token = await sign({ iss: B, aud: 'api' });
      const result = await auth.authenticate({
        method: 'GET',
        url: '/',
        headers: { authorization: `Bearer ${token}` },
        secure: true,
      });
      expect(result).toMatchObject({ authenticated: true, issuer: { iss: B } });
    } finally {
      for (const name of ['JWT_ISSUERS', 'JWT_ALGORITHMS']) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});
