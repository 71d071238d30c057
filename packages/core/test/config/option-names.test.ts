import {
  checkOptionNames,
  createAuthenticator,
  createRemoteJwks,
  createSigner,
  createTokenExtractor,
  createVerifier,
  JwtError,
  MemoryRevocationStore,
  createUnlessMatcher,
  parseRequirement,
  serializeAuthCookie,
} from '@tokenward/core';

const SECRET = 'a-secret-that-is-at-least-32-bytes-long';
const BASE = { algorithms: ['HS256'], key: SECRET } as const;

function configFailure(build: () => unknown): JwtError {
  try {
    build();
  } catch (err) {
    if (err instanceof JwtError) return err;
    throw err;
  }
  throw new Error('expected a configuration error');
}

describe('checkOptionNames', () => {
  it('names the unknown key and the closest known option', () => {
    const err = configFailure(() =>
      checkOptionNames({ audiance: 'x' }, ['audience', 'issuer'], 'jwt()'),
    );
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.message).toBe(
      'Invalid option "audiance": is not an option of jwt(); did you mean "audience"?',
    );
    expect(err.details).toEqual({ option: 'audiance', suggestion: 'audience' });
  });

  it('lists the known options when nothing is close', () => {
    const err = configFailure(() => checkOptionNames({ zzz: 1 }, ['audience', 'issuer'], 'x()'));
    expect(err.message).toBe(
      'Invalid option "zzz": is not an option of x(); known options: audience, issuer',
    );
  });

  it("gives a migration hint for a peer option name, the reader's own hints first", () => {
    expect(
      configFailure(() => checkOptionNames({ secret: 's' }, ['key'], 'jwt()')).message,
    ).toMatch(/^Invalid option "secret": is not an option of jwt\(\); use "key"/);
    expect(
      configFailure(() => checkOptionNames({ secret: 's' }, ['key'], 'jwt()', { secret: 'mine' }))
        .message,
    ).toBe('Invalid option "secret": is not an option of jwt(); mine');
  });

  it('accepts known keys, and leaves non-objects to the caller', () => {
    expect(() => checkOptionNames({ audience: 'a' }, ['audience'], 'x()')).not.toThrow();
    expect(() => checkOptionNames(undefined, ['audience'], 'x()')).not.toThrow();
  });
});

describe('every options object of core refuses a misspelt or foreign option', () => {
  it.each<[string, () => unknown, RegExp]>([
    [
      'createVerifier',
      () => createVerifier({ ...BASE, audiance: 'api' } as never),
      /"audiance": is not an option of createVerifier\(\); did you mean "audience"\?/,
    ],
    [
      'createAuthenticator',
      () => createAuthenticator({ ...BASE, credentialRequired: false } as never),
      /"credentialRequired": .*createAuthenticator\(\); did you mean "credentialsRequired"\?/,
    ],
    [
      'createSigner',
      () => createSigner({ algorithm: 'HS256', key: SECRET, expiresln: '1h' } as never),
      /"expiresln": .*createSigner\(\); did you mean "expiresIn"\?/,
    ],
    [
      'createSigner (jsonwebtoken name)',
      () => createSigner({ algorithm: 'HS256', key: SECRET, keyid: 'k1' } as never),
      /"keyid": .*use "kid"/,
    ],
    [
      'createRemoteJwks',
      () => createRemoteJwks('https://example.com/jwks', { timeout: 5 } as never),
      /"timeout": .*createRemoteJwks\(\); use "timeoutDuration"/,
    ],
    [
      'createRemoteJwks (misspelt)',
      () => createRemoteJwks('https://example.com/jwks', { cacheMaxAg: 5 } as never),
      /did you mean "cacheMaxAge"\?/,
    ],
    [
      'MemoryRevocationStore',
      () => new MemoryRevocationStore({ toleranceSecond: 5 } as never),
      /"toleranceSecond": .*did you mean "toleranceSeconds"\?/,
    ],
    [
      'serializeAuthCookie',
      () => serializeAuthCookie('a.b.c', { sameSit: 'Lax' } as never),
      /"sameSit": .*did you mean "sameSite"\?/,
    ],
    [
      'createTokenExtractor',
      () => createTokenExtractor({ cookies: 'a' } as never),
      /"cookies": .*did you mean "cookie"\?/,
    ],
    [
      '.unless()',
      () => createUnlessMatcher({ paths: ['/health'] } as never),
      /"paths": is not an option of \.unless\(\); use "path"/,
    ],
    [
      "a role guard's options",
      () => parseRequirement('roles', [['admin'], { mdoe: 'any' }], 'requireRoles'),
      /"mdoe": is not an option of requireRoles\(\); did you mean "mode"\?/,
    ],
  ])('%s', (_name, build, message) => {
    const err = configFailure(build);
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.message).toMatch(message);
  });

  it('refuses sign() call options it does not know', async () => {
    const signer = createSigner({ algorithm: 'HS256', key: SECRET });
    await expect(signer.sign({}, { subject: 'a' } as never)).rejects.toThrow(
      /"subject": is not an option of sign\(\); put "sub" in the claims/,
    );
  });
});

describe('peer option names get a migration hint', () => {
  it.each<[string, RegExp]>([
    ['secret', /use "key"/],
    ['secretOrKey', /use "key"/],
    ['secretOrKeyProvider', /resolver \(header\) => key/],
    ['jwtFromRequest', /use "getToken"/],
    ['requestProperty', /req\.auth/],
    ['isRevoked', /use "revocation"/],
    ['algorithm', /use "algorithms"/],
    ['ignoreExpiration', /is refused: an expired token is never accepted/],
    ['ignoreNotBefore', /is refused/],
    ['maxAge', /use "maxTokenAge"/],
    ['issuerBaseURL', /discovery/],
  ])('%s', (name, hint) => {
    const err = configFailure(() => createAuthenticator({ ...BASE, [name]: true } as never));
    expect(err.message).toMatch(new RegExp(`^Invalid option "${name}": is not an option of`));
    expect(err.message).toMatch(hint);
  });
});
