import { createAuthenticator, createVerifier, JwtError } from '@tokenward/core';

// The one environment rule: JWT_* variables are read only when neither `key` nor `verifier` is
// given; a set variable that is not applied is named in one process warning; `key: undefined`
// is an error, never a fallback.
const SECRET = 'an-env-secret-that-is-at-least-32-bytes';
const NAMES = ['JWT_SECRET', 'JWT_ALGORITHMS', 'JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_AUDIANCE'];
const saved = new Map(NAMES.map((n) => [n, process.env[n]]));
const warnings: string[] = [];
// Observes process.emitWarning (and lets it through): Jest's sandboxed `process` does not relay
// the 'warning' event to listeners registered here.
let spy: jest.SpyInstance;

beforeEach(() => {
  for (const name of NAMES) delete process.env[name];
  warnings.length = 0;
  spy = jest.spyOn(process, 'emitWarning').mockImplementation((warning, options) => {
    const code = typeof options === 'object' ? (options as { code?: string }).code : undefined;
    if (code === 'TOKENWARD_ENV_NOT_APPLIED') warnings.push(String(warning));
  });
});

afterEach(() => {
  spy.mockRestore();
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const settled = (): Promise<void> => Promise.resolve();

describe('the environment rule', () => {
  it('refuses key: undefined instead of falling back to JWT_SECRET', () => {
    process.env.JWT_SECRET = SECRET;
    let error: unknown;
    try {
      createAuthenticator({ algorithms: ['HS256'], key: undefined });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(JwtError);
    expect((error as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    expect((error as JwtError).message).toMatch(/^Invalid option "key": is present but undefined/);
  });

  it('names, once, a set variable that a given key leaves unapplied', async () => {
    process.env.JWT_ISSUER = 'env-issuer';
    createAuthenticator({ algorithms: ['HS256'], key: SECRET });
    createAuthenticator({ algorithms: ['HS256'], key: SECRET });
    await settled();
    expect(warnings).toEqual([
      'tokenward: JWT_ISSUER is set but not applied: the options give "key", so no JWT_* variable is read',
    ]);
  });

  it("stays quiet when the option holds the variable's own value", async () => {
    process.env.JWT_SECRET = SECRET;
    process.env.JWT_AUDIENCE = 'a, b';
    createAuthenticator({ algorithms: ['HS256'], key: SECRET, audience: ['b', 'a'] });
    await settled();
    expect(warnings).toEqual([]);
  });

  it('names a variable an explicit option overrides in environment mode', async () => {
    process.env.JWT_SECRET = SECRET;
    process.env.JWT_AUDIENCE = 'env-audience';
    createAuthenticator({ audience: 'code-audience' });
    await settled();
    expect(warnings).toEqual([
      'tokenward: JWT_AUDIENCE is set but not applied: the "audience" option overrides it',
    ]);
  });

  it('names a misspelt JWT_* variable in environment mode, with the closest one read', async () => {
    process.env.JWT_SECRET = SECRET;
    process.env.JWT_AUDIANCE = 'api';
    createAuthenticator();
    await settled();
    expect(warnings).toEqual([
      'tokenward: JWT_AUDIANCE is set but tokenward reads no such variable; did you mean JWT_AUDIENCE?',
    ]);
  });

  it('names the variables a prebuilt verifier leaves unapplied', async () => {
    process.env.JWT_ALGORITHMS = 'HS256';
    createAuthenticator({ verifier: createVerifier({ algorithms: ['HS256'], key: SECRET }) });
    await settled();
    expect(warnings).toEqual([
      'tokenward: JWT_ALGORITHMS is set but not applied: the options give "verifier", so no JWT_* variable is read',
    ]);
  });
});
