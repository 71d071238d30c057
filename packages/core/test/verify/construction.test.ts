import { createVerifier, JwtError, type VerifierOptions } from '../../src/index.js';
import { keys, secret } from './token-helpers.js';

// Every bad option fails at construction with a JwtError whose message names the option.
function refused(options: unknown): JwtError {
  try {
    createVerifier(options as VerifierOptions);
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return err as JwtError;
  }
  throw new Error('expected createVerifier to throw');
}

const ok = { algorithms: ['HS256'], key: secret };

it.each([
  ['options', null, 'ERR_JWT_CONFIG_INVALID'],
  ['algorithms', { key: secret }, 'ERR_JWT_CONFIG_INVALID'],
  ['algorithms', { ...ok, algorithms: [] }, 'ERR_JWT_CONFIG_INVALID'],
  ['algorithms', { ...ok, algorithms: 'HS256' }, 'ERR_JWT_CONFIG_INVALID'],
  ['algorithms', { ...ok, algorithms: ['HS256', 'none'] }, 'ERR_JWT_ALG_NOT_ALLOWED'],
  ['algorithms', { ...ok, algorithms: ['NoNe'] }, 'ERR_JWT_ALG_NOT_ALLOWED'],
  ['algorithms', { ...ok, algorithms: ['HS1'] }, 'ERR_JWT_ALG_NOT_ALLOWED'],
  ['algorithms', { ...ok, algorithms: ['ES256K'] }, 'ERR_JWT_ALG_NOT_ALLOWED'],
  ['key', { algorithms: ['HS256'] }, 'ERR_JWT_CONFIG_INVALID'],
  ['key', { ...ok, key: 12 }, 'ERR_JWT_KEY_INVALID'],
  ['key', { ...ok, key: 'too short' }, 'ERR_JWT_KEY_INVALID'],
  ['key', { algorithms: ['ES256'], key: keys.rsa.publicKey }, 'ERR_JWT_KEY_INVALID'],
  ['key', { algorithms: ['RS256'], key: { keys: 'x' } }, 'ERR_JWT_CONFIG_INVALID'],
  ['issuer', { ...ok, issuer: '' }, 'ERR_JWT_CONFIG_INVALID'],
  ['issuer', { ...ok, issuer: [] }, 'ERR_JWT_CONFIG_INVALID'],
  ['issuer', { ...ok, issuer: ['a', 3] }, 'ERR_JWT_CONFIG_INVALID'],
  ['audience', { ...ok, audience: 5 }, 'ERR_JWT_CONFIG_INVALID'],
  ['subject', { ...ok, subject: ['a'] }, 'ERR_JWT_CONFIG_INVALID'],
  ['typ', { ...ok, typ: '' }, 'ERR_JWT_CONFIG_INVALID'],
  ['requiredClaims', { ...ok, requiredClaims: 'exp' }, 'ERR_JWT_CONFIG_INVALID'],
  ['requiredClaims', { ...ok, requiredClaims: [''] }, 'ERR_JWT_CONFIG_INVALID'],
  ['clockTolerance', { ...ok, clockTolerance: -1 }, 'ERR_JWT_CONFIG_INVALID'],
  ['clockTolerance', { ...ok, clockTolerance: 301 }, 'ERR_JWT_CONFIG_INVALID'],
  ['clockTolerance', { ...ok, clockTolerance: Number.NaN }, 'ERR_JWT_CONFIG_INVALID'],
  ['clockTolerance', { ...ok, clockTolerance: '5' }, 'ERR_JWT_CONFIG_INVALID'],
  ['maxTokenAge', { ...ok, maxTokenAge: 0 }, 'ERR_JWT_CONFIG_INVALID'],
  ['maxTokenAge', { ...ok, maxTokenAge: Infinity }, 'ERR_JWT_CONFIG_INVALID'],
  ['maxTokenLength', { ...ok, maxTokenLength: 0 }, 'ERR_JWT_CONFIG_INVALID'],
  ['maxTokenLength', { ...ok, maxTokenLength: 1.5 }, 'ERR_JWT_CONFIG_INVALID'],
  ['clock', { ...ok, clock: 5 }, 'ERR_JWT_CONFIG_INVALID'],
  ['revocation', { ...ok, revocation: {} }, 'ERR_JWT_CONFIG_INVALID'],
  ['cache', { ...ok, cache: 'yes' }, 'ERR_JWT_CONFIG_INVALID'],
  ['cache.max', { ...ok, cache: { max: 0 } }, 'ERR_JWT_CONFIG_INVALID'],
  // Other libraries' option names would otherwise be silently ignored.
  ['secret', { algorithms: ['HS256'], secret }, 'ERR_JWT_CONFIG_INVALID'],
  ['algorithm', { ...ok, algorithm: 'HS256' }, 'ERR_JWT_CONFIG_INVALID'],
  ['audiences', { ...ok, audiences: ['api'] }, 'ERR_JWT_CONFIG_INVALID'],
  ['ignoreExpiration', { ...ok, ignoreExpiration: true }, 'ERR_JWT_CONFIG_INVALID'],
])('%s: %j is refused', (option, options, code) => {
  const err = refused(options);
  expect(err.code).toBe(code);
  expect(err.message).toContain(`"${option}`);
});

it('accepts the boundaries', () => {
  expect(() => createVerifier({ ...ok, clockTolerance: 300 } as VerifierOptions)).not.toThrow();
  expect(() => createVerifier({ ...ok, clockTolerance: 0 } as VerifierOptions)).not.toThrow();
  expect(() => createVerifier({ ...ok, requiredClaims: [] } as VerifierOptions)).not.toThrow();
  expect(() => createVerifier({ ...ok, cache: true } as VerifierOptions)).not.toThrow();
});

it('never puts the secret in a message', () => {
  const weak = 'hunter2-hunter2';
  expect(refused({ algorithms: ['HS256'], key: weak }).message).not.toContain(weak);
});
