import { generateKeyPairSync } from 'node:crypto';
import {
  createVerifier,
  MemoryRevocationStore,
  type JwsHeader,
  type VerifierOptions,
} from '../../src/index.js';
import { rejection, thrown } from '../helpers/jwt-errors';
import { claims, clock, NOW, signToken } from './token-helpers';

const A = 'https://login.company.example';
const B = 'https://partner.example';
const a = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const b = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const es256 = (key: typeof a, payload: Record<string, unknown>, kid?: string): string =>
  signToken('ES256', key.privateKey, { alg: 'ES256', ...(kid && { kid }) }, claims(payload));

// Every key lookup of issuer B goes through this resolver, so a test can tell it was not asked.
let bLookups = 0;
const bResolver = (header: JwsHeader) => {
  bLookups++;
  return header.alg === 'ES256' ? b.publicKey : undefined;
};

const options = (): VerifierOptions => ({
  algorithms: ['ES256', 'RS256'],
  audience: 'api',
  clock,
  issuers: {
    [A]: { key: a.publicKey, label: 'company', algorithms: ['ES256'] },
    [B]: { key: bResolver, audience: ['api', 'partner-api'], algorithms: ['ES256'] },
  },
});

beforeEach(() => {
  bLookups = 0;
});

describe('issuers: a fixed allow-list', () => {
  it('verifies each issuer with its own key and says which entry matched', async () => {
    const verifier = createVerifier(options());
    const fromA = await verifier.verify(es256(a, { iss: A, aud: 'api' }));
    expect(fromA.issuer).toEqual({ iss: A, label: 'company' });
    const fromB = await verifier.verify(es256(b, { iss: B, aud: 'partner-api' }));
    expect(fromB.issuer).toEqual({ iss: B });
    expect(Object.isFrozen(fromB.issuer)).toBe(true);
  });

  it('refuses an iss outside the allow-list, missing or not a string, before any key lookup', async () => {
    const verifier = createVerifier(options());
    for (const iss of ['https://evil.example', `${B}/`, B.toUpperCase(), undefined, 7, [B], null]) {
      const err = await rejection(verifier.verify(es256(b, { iss, aud: 'api' })));
      expect(err.code).toBe('ERR_JWT_ISSUER_MISMATCH');
    }
    expect(bLookups).toBe(0);
  });

  it('checks a token claiming B with B’s keys only: A’s key never verifies it', async () => {
    const verifier = createVerifier(options());
    const forged = es256(a, { iss: B, aud: 'api' });
    expect((await rejection(verifier.verify(forged))).code).toBe('ERR_JWT_SIGNATURE_INVALID');
    expect(bLookups).toBe(1);
    // And the other way round, with a static key.
    const other = es256(b, { iss: A, aud: 'api' });
    expect((await rejection(verifier.verify(other))).code).toBe('ERR_JWT_SIGNATURE_INVALID');
  });

  it('applies each entry’s audience and narrowed algorithms', async () => {
    const verifier = createVerifier({
      ...options(),
      issuers: {
        [A]: { key: rsa.publicKey, algorithms: ['RS256'] },
        [B]: { key: b.publicKey, audience: 'partner-api', algorithms: ['ES256'] },
      },
    });
    const rs = (payload: Record<string, unknown>) =>
      signToken('RS256', rsa.privateKey, { alg: 'RS256' }, claims(payload));
    expect((await verifier.verify(rs({ iss: A, aud: 'api' }))).issuer?.iss).toBe(A);
    // B accepts only partner-api; A inherits the verifier's audience.
    expect((await rejection(verifier.verify(es256(b, { iss: B, aud: 'api' })))).code).toBe(
      'ERR_JWT_AUDIENCE_MISMATCH',
    );
    expect((await rejection(verifier.verify(rs({ iss: A, aud: 'partner-api' })))).code).toBe(
      'ERR_JWT_AUDIENCE_MISMATCH',
    );
    // RS256 is the verifier's, but not B's; ES256 not A's.
    const rsB = rs({ iss: B, aud: 'partner-api' });
    expect((await rejection(verifier.verify(rsB))).code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
    const esA = es256(a, { iss: A, aud: 'api' });
    expect((await rejection(verifier.verify(esA))).code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
    // An algorithm outside the verifier's list is refused before the issuer is even read.
    const hs = signToken('HS256', Buffer.alloc(32, 1), { alg: 'HS256' }, claims({ iss: 'x' }));
    expect((await rejection(verifier.verify(hs))).code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
  });

  it('applies each entry’s time rules, typ and required claims', async () => {
    const verifier = createVerifier({
      ...options(),
      issuers: {
        [A]: {
          key: a.publicKey,
          algorithms: ['ES256'],
          clockTolerance: 60,
          requiredClaims: ['exp', 'jti'],
        },
        [B]: { key: b.publicKey, algorithms: ['ES256'], maxTokenAge: 5, typ: 'at+jwt' },
      },
    });
    const lateA = es256(a, { iss: A, aud: 'api', exp: NOW - 30, jti: 'j' });
    expect((await verifier.verify(lateA)).issuer?.iss).toBe(A);
    const noJti = es256(a, { iss: A, aud: 'api' });
    expect((await rejection(verifier.verify(noJti))).code).toBe('ERR_JWT_CLAIM_INVALID');
    const lateB = es256(b, { iss: B, aud: 'api', exp: NOW - 30 });
    expect((await rejection(verifier.verify(lateB))).code).toBe('ERR_JWT_EXPIRED');
    const oldB = es256(b, { iss: B, aud: 'api' }); // iat NOW - 10, older than maxTokenAge 5
    expect((await rejection(verifier.verify(oldB))).code).toBe('ERR_JWT_CLAIM_INVALID');
    const untyped = es256(b, { iss: B, aud: 'api', iat: NOW - 1 });
    expect((await rejection(verifier.verify(untyped))).code).toBe('ERR_JWT_TYPE_MISMATCH');
    const typed = signToken(
      'ES256',
      b.privateKey,
      { alg: 'ES256', typ: 'at+jwt' },
      claims({ iss: B, aud: 'api', iat: NOW - 1 }),
    );
    expect((await verifier.verify(typed)).issuer?.iss).toBe(B);
  });

  it('revokes by iss + jti: the same jti from another issuer is another token', async () => {
    const revocation = new MemoryRevocationStore({ clock });
    const verifier = createVerifier({ ...options(), revocation });
    const fromA = es256(a, { iss: A, aud: 'api', jti: 'same' });
    const fromB = es256(b, { iss: B, aud: 'api', jti: 'same' });
    await verifier.verify(fromA);
    await revocation.revoke({ jti: 'same', iss: A, exp: NOW + 600 });
    expect((await rejection(verifier.verify(fromA))).code).toBe('ERR_JWT_REVOKED');
    expect((await verifier.verify(fromB)).issuer?.iss).toBe(B);
  });

  it('keeps one cache whose hits carry their entry and ask that entry’s revocation store', async () => {
    const storeA = new MemoryRevocationStore({ clock });
    const verifier = createVerifier({
      ...options(),
      cache: true,
      issuers: {
        [A]: { key: a.publicKey, algorithms: ['ES256'], label: 'company', revocation: storeA },
        [B]: { key: b.publicKey, algorithms: ['ES256'] },
      },
    });
    const fromA = es256(a, { iss: A, aud: 'api', jti: 'j1' });
    const first = await verifier.verify(fromA);
    const second = await verifier.verify(fromA);
    expect(second.payload).toBe(first.payload);
    expect(second.issuer).toEqual({ iss: A, label: 'company' });
    await storeA.revoke({ jti: 'j1', iss: A, exp: NOW + 600 });
    expect((await rejection(verifier.verify(fromA))).code).toBe('ERR_JWT_REVOKED');
    expect((await verifier.verify(es256(b, { iss: B, aud: 'api', jti: 'j1' }))).issuer).toEqual({
      iss: B,
    });
  });
});

describe('issuers: the verified-token cache', () => {
  it('serves a cached token with its own entry’s leeway, and never past it', async () => {
    let now = NOW * 1000;
    const verifier = createVerifier({
      algorithms: ['ES256'],
      audience: 'api',
      cache: true,
      clock: () => now,
      issuers: {
        [A]: { key: a.publicKey, clockTolerance: 60 },
        [B]: { key: b.publicKey },
      },
    });
    const fromA = es256(a, { iss: A, aud: 'api', exp: NOW + 10, nbf: NOW + 5, iat: NOW - 1 });
    const fromB = es256(b, { iss: B, aud: 'api', exp: NOW + 10, iat: NOW - 1 });
    // A's leeway admits its token 5 s before nbf, from the cache too; B has none.
    expect((await verifier.verify(fromA)).issuer?.iss).toBe(A);
    expect((await verifier.verify(fromA)).issuer?.iss).toBe(A);
    await verifier.verify(fromB);
    now = (NOW + 30) * 1000; // past both exp; within A's 60 s leeway only
    expect((await verifier.verify(fromA)).issuer?.iss).toBe(A);
    expect((await rejection(verifier.verify(fromB))).code).toBe('ERR_JWT_EXPIRED');
    now = (NOW + 71) * 1000;
    expect((await rejection(verifier.verify(fromA))).code).toBe('ERR_JWT_EXPIRED');
  });
});

describe('issuers: configuration errors at construction', () => {
  const base = { algorithms: ['ES256'] as VerifierOptions['algorithms'], clock };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['issuer and issuers', { issuer: A, issuers: { [A]: { key: a.publicKey } } }, /"issuers"/],
    ['key and issuers', { key: a.publicKey, issuers: { [A]: { key: a.publicKey } } }, /"key"/],
    ['an empty map', { issuers: {} }, /"issuers"/],
    ['an array', { issuers: [] }, /"issuers"/],
    [
      'maxIssuers with a map',
      { issuers: { [A]: { key: a.publicKey } }, maxIssuers: 5 },
      /"maxIssuers"/,
    ],
    ['maxIssuers alone', { key: a.publicKey, maxIssuers: 5 }, /"maxIssuers"/],
    ['a bad maxIssuers', { issuers: () => undefined, maxIssuers: 0 }, /"maxIssuers"/],
    ['no key source', { issuers: { [A]: { audience: 'api' } } }, /"issuers\[".*"\]\.key"/],
    [
      'two key sources',
      { issuers: { [A]: { key: a.publicKey, jwksUri: 'https://x.example/j' } } },
      /\.key"/,
    ],
    [
      'an unknown entry option',
      { issuers: { [A]: { key: a.publicKey, issuer: A } } },
      /\]\.issuer": is not/,
    ],
    ['an empty label', { issuers: { [A]: { key: a.publicKey, label: '' } } }, /\]\.label"/],
    ['a bad audience', { issuers: { [A]: { key: a.publicKey, audience: [] } } }, /\]\.audience"/],
    ['an entry not an object', { issuers: { [A]: 'secret' } }, /"issuers\["/],
    ['an empty issuer', { issuers: { '': { key: a.publicKey } } }, /"issuers"/],
    ['an http jwksUri', { issuers: { [A]: { jwksUri: 'http://idp.example/jwks' } } }, /\]\.url"/],
  ];
  it.each(cases)('refuses %s', (_what, extra, message) => {
    const err = thrown(() => createVerifier({ ...base, ...extra } as VerifierOptions));
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.message).toMatch(message);
  });

  it('refuses an entry algorithm the verifier does not allow, and a key unfit for the entry', () => {
    const wider = thrown(() =>
      createVerifier({ ...base, issuers: { [A]: { key: a.publicKey, algorithms: ['ES384'] } } }),
    );
    expect(wider.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(wider.message).toMatch(/\]\.algorithms": ES384 is not one of the verifier's/);
    const unfit = thrown(() =>
      createVerifier({ ...base, issuers: { [A]: { key: rsa.publicKey } } }),
    );
    expect(unfit.code).toBe('ERR_JWT_KEY_INVALID');
  });
});
