import {
  createVerifier,
  JwtError,
  MemoryRevocationStore,
  type JwtClaims,
  type RevocationStore,
} from '../../src/index.js';
import { rejection } from './vector-helpers.js';
import { claims, clock, hs256, NOW, secret } from './token-helpers.js';

function store(answer: (claims: JwtClaims) => Promise<boolean>) {
  const seen: JwtClaims[] = [];
  const s: RevocationStore = {
    isRevoked: (c) => {
      seen.push(c);
      return answer(c);
    },
    revoke: async () => undefined,
    revokeSubject: async () => undefined,
  };
  return { store: s, seen };
}

const good = hs256({ alg: 'HS256' }, claims({ jti: 'j1', iss: 'i' }));
const forged = `${good.slice(0, good.lastIndexOf('.'))}.${'A'.repeat(43)}`;
const expired = hs256({ alg: 'HS256' }, claims({ jti: 'j2', exp: NOW - 1 }));

describe('revocation is consulted last', () => {
  it('never for a forged, expired or mismatching token', async () => {
    const { store: revocation, seen } = store(async () => false);
    const verifier = createVerifier({
      algorithms: ['HS256'],
      key: secret,
      clock,
      revocation,
      issuer: 'other',
    });
    for (const t of [forged, expired, good]) await rejection(verifier, t);
    expect(seen).toEqual([]);
  });

  it('with the verified claims, and a revoked token → ERR_JWT_REVOKED', async () => {
    const { store: revocation, seen } = store(async (c) => c.jti === 'j1');
    const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock, revocation });
    expect((await rejection(verifier, good)).code).toBe('ERR_JWT_REVOKED');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ jti: 'j1', iss: 'i' });
  });

  it.each([
    ['throws', () => Promise.reject(new Error('redis down')), 'ERR_REVOCATION_UNAVAILABLE'],
    [
      'throws synchronously',
      () => {
        throw new Error('bug');
      },
      'ERR_REVOCATION_UNAVAILABLE',
    ],
    ['answers a non-boolean', () => Promise.resolve('no' as never), 'ERR_REVOCATION_UNAVAILABLE'],
    [
      'rejects with a JwtError',
      () =>
        Promise.reject(new JwtError('ERR_REVOCATION_UNAVAILABLE', undefined, { retryAfter: 5 })),
      'ERR_REVOCATION_UNAVAILABLE',
    ],
  ])('a store that %s fails closed (%s)', async (_name, answer, code) => {
    const { store: revocation } = store(answer as never);
    const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock, revocation });
    const err = await rejection(verifier, good);
    expect(err.code).toBe(code);
    expect(err.status).toBe(503);
  });

  it('works with the MemoryRevocationStore', async () => {
    const revocation = new MemoryRevocationStore();
    const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock, revocation });
    await expect(verifier.verify(good)).resolves.toBeDefined();
    await revocation.revoke({ jti: 'j1', iss: 'i', exp: NOW + 600 });
    expect((await rejection(verifier, good)).code).toBe('ERR_JWT_REVOKED');
  });
});

describe('verified-token cache', () => {
  it('checks revocation on every hit', async () => {
    let revoked = false;
    const { store: revocation, seen } = store(async () => revoked);
    const verifier = createVerifier({
      algorithms: ['HS256'],
      key: secret,
      clock,
      revocation,
      cache: true,
    });
    await verifier.verify(good);
    await verifier.verify(good);
    revoked = true;
    expect((await rejection(verifier, good)).code).toBe('ERR_JWT_REVOKED');
    expect(seen).toHaveLength(3);
  });

  it('never serves a token past exp, and re-checks time on a hit', async () => {
    let now = NOW;
    const verifier = createVerifier({
      algorithms: ['HS256'],
      key: secret,
      clock: () => now * 1000,
      cache: true,
    });
    const t = hs256({ alg: 'HS256' }, claims({ exp: NOW + 10, nbf: NOW - 5 }));
    await verifier.verify(t);
    now = NOW + 10;
    expect((await rejection(verifier, t)).code).toBe('ERR_JWT_EXPIRED');
    now = NOW - 6; // a clock moved backwards: nbf applies again
    expect((await rejection(verifier, t)).code).toBe('ERR_JWT_NOT_YET_VALID');
  });

  it('is keyed on the exact token: a failing variant is never served from it', async () => {
    const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock, cache: true });
    await verifier.verify(good);
    expect((await rejection(verifier, `${good} `)).code).toBe('ERR_JWT_MALFORMED');
    expect((await rejection(verifier, forged)).code).toBe('ERR_JWT_SIGNATURE_INVALID');
  });

  it('honours maxTokenAge for cached entries', async () => {
    let now = NOW;
    const verifier = createVerifier({
      algorithms: ['HS256'],
      key: secret,
      clock: () => now * 1000,
      cache: true,
      maxTokenAge: 30,
    });
    const t = hs256({ alg: 'HS256' }, claims({ iat: NOW - 10 }));
    await verifier.verify(t);
    now = NOW + 21;
    expect((await rejection(verifier, t)).code).toBe('ERR_JWT_CLAIM_INVALID');
  });
});
