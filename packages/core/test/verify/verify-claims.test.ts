import { createVerifier, JwtError, type VerifierOptions } from '../../src/index.js';
import { rejection } from './vector-helpers.js';
import { claims, clock, hs256, NOW, secret } from './token-helpers.js';

const verifierWith = (options: Partial<VerifierOptions> = {}) =>
  createVerifier({ algorithms: ['HS256'], key: secret, clock, ...options });
const token = (extra: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  hs256({ alg: 'HS256', ...header }, claims(extra));
const codeOf = async (options: Partial<VerifierOptions>, t: string) =>
  (await rejection(verifierWith(options), t)).code;

describe('claim types (NumericDate must be a finite JSON number)', () => {
  it.each([
    ['exp "never"', { exp: 'never' }],
    ['exp [n]', { exp: [NOW + 60] }],
    ['exp "4102444800"', { exp: '4102444800' }],
    ['exp {}', { exp: {} }],
    ['exp null', { exp: null }],
    ['exp true', { exp: true }],
    ['nbf as a string', { nbf: String(NOW - 60) }],
    ['iat as an array', { iat: [NOW - 60] }],
    ['iss as a number', { iss: 1 }],
    ['sub as an object', { sub: { id: 1 } }],
    ['jti as a number', { jti: 5 }],
    ['aud as a number', { aud: 5 }],
    ['aud with a non-string', { aud: ['a', 5] }],
  ])('%s → ERR_JWT_CLAIM_INVALID', async (_name, extra) => {
    expect(await codeOf({}, token(extra))).toBe('ERR_JWT_CLAIM_INVALID');
  });

  it('accepts fractional NumericDates', async () => {
    await expect(
      verifierWith().verify(token({ exp: NOW + 0.5, iat: NOW - 0.5 })),
    ).resolves.toBeDefined();
  });
});

describe('required claims', () => {
  it('requires exp by default', async () => {
    expect(await codeOf({}, token({ exp: undefined }))).toBe('ERR_JWT_CLAIM_INVALID');
  });

  it('requiredClaims replaces the default', async () => {
    await expect(
      verifierWith({ requiredClaims: [] }).verify(token({ exp: undefined })),
    ).resolves.toBeDefined();
    expect(await codeOf({ requiredClaims: ['exp', 'jti'] }, token({}))).toBe(
      'ERR_JWT_CLAIM_INVALID',
    );
    await expect(
      verifierWith({ requiredClaims: ['exp', 'jti'] }).verify(token({ jti: 'x' })),
    ).resolves.toBeDefined();
  });
});

describe('time', () => {
  it.each([
    ['exp in the past', { exp: NOW - 1 }, {}, 'ERR_JWT_EXPIRED'],
    ['exp exactly now', { exp: NOW }, {}, 'ERR_JWT_EXPIRED'],
    ['exp now, within tolerance', { exp: NOW }, { clockTolerance: 5 }, null],
    ['exp beyond tolerance', { exp: NOW - 6 }, { clockTolerance: 5 }, 'ERR_JWT_EXPIRED'],
    ['nbf in the future', { nbf: NOW + 1 }, {}, 'ERR_JWT_NOT_YET_VALID'],
    ['nbf exactly now', { nbf: NOW }, {}, null],
    ['nbf within tolerance', { nbf: NOW + 5 }, { clockTolerance: 5 }, null],
    ['iat in the future', { iat: NOW + 1 }, {}, 'ERR_JWT_CLAIM_INVALID'],
    ['iat within tolerance', { iat: NOW + 3 }, { clockTolerance: 5 }, null],
    ['older than maxTokenAge', { iat: NOW - 61 }, { maxTokenAge: 60 }, 'ERR_JWT_CLAIM_INVALID'],
    ['exactly maxTokenAge old', { iat: NOW - 60 }, { maxTokenAge: 60 }, null],
    ['maxTokenAge without iat', { iat: undefined }, { maxTokenAge: 60 }, 'ERR_JWT_CLAIM_INVALID'],
  ])('%s', async (_name, extra, options: Partial<VerifierOptions>, expected) => {
    const t = token(extra);
    if (expected === null) await expect(verifierWith(options).verify(t)).resolves.toBeDefined();
    else expect(await codeOf(options, t)).toBe(expected);
  });

  it('uses the injected clock (milliseconds)', async () => {
    const t = token({ exp: NOW + 10 });
    await expect(verifierWith({ clock: () => (NOW + 9) * 1000 }).verify(t)).resolves.toBeDefined();
    expect(await codeOf({ clock: () => (NOW + 10) * 1000 }, t)).toBe('ERR_JWT_EXPIRED');
  });

  it('a clock returning garbage fails closed', async () => {
    expect(await codeOf({ clock: () => Number.NaN }, token({}))).toBe('ERR_JWT_CONFIG_INVALID');
  });
});

describe('issuer, audience, subject', () => {
  it.each([
    ['issuer matches', { iss: 'a' }, { issuer: 'a' }, null],
    ['issuer in a list', { iss: 'b' }, { issuer: ['a', 'b'] }, null],
    ['issuer differs in case', { iss: 'A' }, { issuer: 'a' }, 'ERR_JWT_ISSUER_MISMATCH'],
    ['issuer missing', {}, { issuer: 'a' }, 'ERR_JWT_ISSUER_MISMATCH'],
    ['audience string/string', { aud: 'api' }, { audience: 'api' }, null],
    ['audience array/string', { aud: ['x', 'api'] }, { audience: 'api' }, null],
    ['audience string/array', { aud: 'api' }, { audience: ['x', 'api'] }, null],
    ['audience array/array', { aud: ['y', 'api'] }, { audience: ['x', 'api'] }, null],
    ['audience none shared', { aud: ['x', 'y'] }, { audience: 'api' }, 'ERR_JWT_AUDIENCE_MISMATCH'],
    ['audience empty array', { aud: [] }, { audience: 'api' }, 'ERR_JWT_AUDIENCE_MISMATCH'],
    ['audience missing', {}, { audience: 'api' }, 'ERR_JWT_AUDIENCE_MISMATCH'],
    ['audience prefix only', { aud: 'api2' }, { audience: 'api' }, 'ERR_JWT_AUDIENCE_MISMATCH'],
    ['subject matches', { sub: 'user-1' }, { subject: 'user-1' }, null],
    ['subject differs', { sub: 'user-2' }, { subject: 'user-1' }, 'ERR_JWT_CLAIM_INVALID'],
  ])('%s', async (_name, extra, options: Partial<VerifierOptions>, expected) => {
    const t = token(extra);
    if (expected === null) await expect(verifierWith(options).verify(t)).resolves.toBeDefined();
    else expect(await codeOf(options, t)).toBe(expected);
  });
});

describe('typ (header, ASCII case-insensitive media type)', () => {
  it.each([
    ['at+jwt', 'at+jwt', null],
    // RFC 9068's own example writes at+JWT.
    ['at+JWT', 'at+jwt', null],
    ['application/at+jwt', 'at+jwt', null],
    ['Application/AT+JWT', 'at+jwt', null],
    ['at+jwt', 'application/at+jwt', null],
    ['JWT', 'at+jwt', 'ERR_JWT_TYPE_MISMATCH'],
    ['at+jwt; charset=utf-8', 'at+jwt', 'ERR_JWT_TYPE_MISMATCH'],
    ['at+jwt ', 'at+jwt', 'ERR_JWT_TYPE_MISMATCH'],
    // U+212A KELVIN SIGN lower-cases to "k" in Unicode, never in ASCII.
    ['\u212aid', 'kid', 'ERR_JWT_TYPE_MISMATCH'],
  ])('header typ %j against %j', async (typ, expected, code) => {
    const t = token({}, { typ });
    if (code === null)
      await expect(verifierWith({ typ: expected }).verify(t)).resolves.toBeDefined();
    else expect(await codeOf({ typ: expected }, t)).toBe(code);
  });

  it('a missing typ fails when one is expected, and is ignored when none is', async () => {
    expect(await codeOf({ typ: 'at+jwt' }, token({}))).toBe('ERR_JWT_TYPE_MISMATCH');
    await expect(verifierWith().verify(token({}, { typ: 'anything' }))).resolves.toBeDefined();
  });

  it('reports typ only after the claims (verification order step 13)', async () => {
    expect(await codeOf({ typ: 'at+jwt' }, token({ exp: NOW - 1 }, { typ: 'JWT' }))).toBe(
      'ERR_JWT_EXPIRED',
    );
  });
});

describe('verification order', () => {
  it('checks the signature before the payload is parsed', async () => {
    const t = hs256({ alg: 'HS256' }, '{"exp": broken');
    const forged = `${t.slice(0, t.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    expect(await codeOf({}, forged)).toBe('ERR_JWT_SIGNATURE_INVALID');
    expect(await codeOf({}, t)).toBe('ERR_JWT_MALFORMED');
  });

  it('claim types before time, time before issuer', async () => {
    expect(await codeOf({ issuer: 'a' }, token({ exp: 'x', iss: 'b' }))).toBe(
      'ERR_JWT_CLAIM_INVALID',
    );
    expect(await codeOf({ issuer: 'a' }, token({ exp: NOW - 1, iss: 'b' }))).toBe(
      'ERR_JWT_EXPIRED',
    );
  });

  it('returns the header and a null-prototype payload', async () => {
    const { header, payload } = await verifierWith().verify(
      token({ nested: { a: 1 } }, { kid: 'k' }),
    );
    expect(header).toMatchObject({ alg: 'HS256', kid: 'k' });
    expect(Object.getPrototypeOf(payload)).toBeNull();
    expect(Object.getPrototypeOf(payload.nested)).toBeNull();
  });

  it('rejects (never throws) for any input, only with JwtError', async () => {
    const verifier = verifierWith();
    const inputs: unknown[] = [
      undefined,
      null,
      0,
      1n,
      true,
      {},
      [],
      Buffer.from('a.b.c'),
      Symbol('t'),
      () => 'x',
      { toString: () => token({}) },
      'a'.repeat(10_000_000),
      '.',
      '..',
      '...',
      'a.b.c',
    ];
    for (const input of inputs) {
      let promise: Promise<unknown> | undefined;
      expect(() => (promise = verifier.verify(input as string))).not.toThrow();
      const err = await promise!.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(JwtError);
    }
    expect((await rejection(verifier, 'a'.repeat(8193))).code).toBe('ERR_JWT_TOO_LARGE');
    expect((await rejection(verifier, 42)).code).toBe('ERR_JWT_MALFORMED');
  });

  it('checks maxTokenLength before any decoding', async () => {
    const t = token({ pad: 'x'.repeat(200) });
    expect(await codeOf({ maxTokenLength: t.length - 1 }, t)).toBe('ERR_JWT_TOO_LARGE');
    await expect(verifierWith({ maxTokenLength: t.length }).verify(t)).resolves.toBeDefined();
  });
});
