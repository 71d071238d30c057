import { createHmac } from 'node:crypto';
import { createVerifier, httpAnswer, JwtError, type RevocationStore } from '@tokenward/core';

const SECRET = 'a-secret-that-is-at-least-32-bytes-long';
const NOW = 1_900_000_000;
const clock = (): number => NOW * 1000;

// HS256 by hand, so that any payload (a string `exp`, a missing `jti`) can be signed.
function sign(payload: Record<string, unknown>): string {
  const part = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

async function failure(token: string, options: object = {}): Promise<JwtError> {
  const verifier = createVerifier({ algorithms: ['HS256'], key: SECRET, clock, ...options });
  const err = await verifier.verify(token).catch((e: unknown) => e);
  if (!(err instanceof JwtError)) throw new Error(`expected a JwtError, got ${String(err)}`);
  return err;
}

describe('JwtError.details says which claim and why; the HTTP body stays generic', () => {
  it.each<[string, Record<string, unknown>, object, string, object, string]>([
    [
      'a missing jti',
      { exp: NOW + 60 },
      { requiredClaims: ['exp', 'jti'] },
      'ERR_JWT_CLAIM_INVALID',
      { claim: 'jti', reason: 'missing' },
      'The "jti" claim is required but missing',
    ],
    [
      'a string exp',
      { exp: String(NOW + 60) },
      {},
      'ERR_JWT_CLAIM_INVALID',
      { claim: 'exp', reason: 'type' },
      'The "exp" claim is not a NumericDate (a finite number)',
    ],
    [
      'a token older than maxTokenAge',
      { exp: NOW + 60, iat: NOW - 120 },
      { maxTokenAge: 60 },
      'ERR_JWT_CLAIM_INVALID',
      { claim: 'iat', reason: 'too_old' },
      'The "iat" claim is older than maxTokenAge (60 s)',
    ],
    [
      'an iat in the future',
      { exp: NOW + 600, iat: NOW + 300 },
      {},
      'ERR_JWT_CLAIM_INVALID',
      { claim: 'iat', reason: 'future' },
      'The "iat" claim is in the future',
    ],
    [
      'an expired token',
      { exp: NOW - 1 },
      {},
      'ERR_JWT_EXPIRED',
      { claim: 'exp', reason: 'expired' },
      'The access token expired ("exp" claim)',
    ],
    [
      'another audience',
      { exp: NOW + 60, aud: ['other-api', 'x'] },
      { audience: 'my-api' },
      'ERR_JWT_AUDIENCE_MISMATCH',
      { claim: 'aud', reason: 'mismatch', expected: 'my-api', received: '["other-api","x"]' },
      'The "aud" claim is not accepted',
    ],
    [
      'a missing issuer',
      { exp: NOW + 60 },
      { issuer: ['a', 'b'] },
      'ERR_JWT_ISSUER_MISMATCH',
      { claim: 'iss', reason: 'missing', expected: '["a","b"]', received: 'undefined' },
      'The "iss" claim is not accepted',
    ],
  ])('%s', async (_name, payload, options, code, details, message) => {
    const err = await failure(sign(payload), options);
    expect(err.code).toBe(code);
    expect(err.details).toEqual(details);
    expect(err.message).toBe(message);
    // What the client sees is the fixed description of the code, never the claim or its value.
    const body = httpAnswer(err).body;
    expect(body.error_description).toBe(new JwtError(err.code).message);
    expect(JSON.stringify(body)).not.toMatch(/other-api|"jti"|maxTokenAge/);
  });

  it('truncates received values and replaces control characters', async () => {
    const err = await failure(sign({ exp: NOW + 60, aud: `evil\r\n${'x'.repeat(200)}` }), {
      audience: 'my-api',
    });
    expect(err.details?.received).toHaveLength(64);
    expect(err.details?.received).toMatch(/^evil\?\?x+…$/);
  });
});

describe('revocation store answering a non-boolean', () => {
  it('fails closed with 503, says why in message and details, and warns once per store', async () => {
    const spy = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const store = { isRevoked: () => Promise.resolve(undefined) } as unknown as RevocationStore;
      const token = sign({ exp: NOW + 60, jti: 'j1' });
      const first = await failure(token, { revocation: store, cache: false });
      const second = await failure(token, { revocation: store, cache: false });
      for (const err of [first, second]) {
        expect(err.code).toBe('ERR_REVOCATION_UNAVAILABLE');
        expect(err.status).toBe(503);
        expect(err.message).toBe('isRevoked returned undefined; it must resolve true or false');
        expect(err.details).toEqual({ reason: 'not_boolean', received: 'undefined' });
      }
      const calls = spy.mock.calls.filter(
        ([, options]) =>
          (options as { code?: string } | undefined)?.code === 'TOKENWARD_REVOCATION_NOT_BOOLEAN',
      );
      expect(calls).toHaveLength(1);
      expect(String(calls[0]?.[0])).toMatch(
        /isRevoked returned undefined; it must resolve true or false/,
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('key resolver throwing something else than a JwtError', () => {
  it("is the app's failure (500, details reason resolver_threw, cause kept), not a key-set outage", async () => {
    const cause = new TypeError('tenant table missing');
    const err = await failure(sign({ exp: NOW + 60 }), {
      key: () => {
        throw cause;
      },
    });
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.status).toBe(500);
    expect(err.retryAfter).toBeUndefined();
    expect(err.headers['retry-after']).toBeUndefined();
    expect(err.cause).toBe(cause);
    expect(err.details).toEqual({ option: 'key', reason: 'resolver_threw' });
    expect(err.message).toMatch(/^The key resolver threw a TypeError/);
  });
});
