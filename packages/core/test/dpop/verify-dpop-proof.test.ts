import { calculateJwkThumbprint } from 'jose';
import {
  httpAnswer,
  type JwtError,
  MemoryReplayStore,
  verifyDpopProof,
  type JwtErrorCode,
  type ReplayStore,
  type VerifyDpopProofOptions,
} from '@tokenward/core';
import { dpopKey, makeProof, rawJws, type DpopKey, type ProofInput } from '../helpers/dpop-proofs';

const NOW = 1_760_000_000;
const URL = 'https://api.example.com/orders';
const TOKEN = 'an.access.token';
const es256 = dpopKey('ES256');
const other = dpopKey('ES256');

const options = (extra: Partial<VerifyDpopProofOptions> = {}): VerifyDpopProofOptions => ({
  method: 'GET',
  url: URL,
  accessToken: TOKEN,
  clock: () => NOW * 1000,
  ...extra,
});

const proof = (input: Partial<ProofInput> = {}, key: DpopKey = es256): Promise<string> =>
  makeProof(key, { htm: 'GET', htu: URL, token: TOKEN, iat: NOW, ...input });

async function refused(
  value: unknown,
  code: JwtErrorCode,
  extra: Partial<VerifyDpopProofOptions> = {},
): Promise<void> {
  await expect(verifyDpopProof(value, options(extra))).rejects.toMatchObject({ code });
}

describe('verifyDpopProof: accepted proofs', () => {
  it.each(['ES256', 'EdDSA', 'Ed25519', 'PS256', 'RS256'] as const)(
    'accepts a jose %s proof',
    async (alg) => {
      const key = dpopKey(alg);
      const result = await verifyDpopProof(await proof({}, key), options());
      expect(result.alg).toBe(alg);
      expect(result.jkt).toBe(await calculateJwkThumbprint(key.jwk, 'sha256'));
      expect(result.claims).toMatchObject({ htm: 'GET', htu: URL, iat: NOW });
      expect(Object.isFrozen(result.claims)).toBe(true);
    },
  );

  it('accepts a login proof without an access token (no ath)', async () => {
    const value = await makeProof(es256, { htm: 'POST', htu: URL, iat: NOW });
    const result = await verifyDpopProof(
      value,
      options({ method: 'POST', accessToken: undefined }),
    );
    expect(result.claims.ath).toBeUndefined();
  });

  it('ignores the query and fragment of the request URL', async () => {
    await expect(
      verifyDpopProof(await proof(), options({ url: `${URL}?page=2#top` })),
    ).resolves.toBeDefined();
  });

  it.each([
    ['upper-case scheme and host', 'HTTPS://API.Example.COM/orders'],
    ['the default port', 'https://api.example.com:443/orders'],
    ['a percent-encoded unreserved character', 'https://api.example.com/%6Frders'],
    ['a dot segment', 'https://api.example.com/x/../orders'],
  ])('normalises htu per RFC 3986 §6: %s', async (_name, htu) => {
    await expect(verifyDpopProof(await proof({ htu }), options())).resolves.toBeDefined();
  });

  it('accepts iat at the edges of the window (60 s by default) plus clockTolerance', async () => {
    await expect(verifyDpopProof(await proof({ iat: NOW - 60 }), options())).resolves.toBeDefined();
    await expect(verifyDpopProof(await proof({ iat: NOW + 60 }), options())).resolves.toBeDefined();
    await expect(
      verifyDpopProof(await proof({ iat: NOW - 65 }), options({ clockTolerance: 5 })),
    ).resolves.toBeDefined();
  });
});

describe('verifyDpopProof: attacks and faults', () => {
  it('refuses a proof signed by another key than its jwk', async () => {
    const value = await proof({ header: { jwk: other.jwk } });
    await refused(value, 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses a jwk with a private member', async () => {
    const jwk = es256.privateKey.export({ format: 'jwk' });
    await refused(await proof({ header: { jwk } }), 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses alg none and HS256 proofs', async () => {
    const payload = { jti: 'x', htm: 'GET', htu: URL, iat: NOW };
    await refused(
      rawJws({ typ: 'dpop+jwt', alg: 'none', jwk: es256.jwk }, payload),
      'ERR_DPOP_PROOF_INVALID',
    );
    const oct = { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXh4eHg' };
    const hs = rawJws({ typ: 'dpop+jwt', alg: 'HS256', jwk: oct }, payload, 'A'.repeat(43));
    await refused(hs, 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses an alg outside the allow-list and a jwk of the wrong type', async () => {
    await refused(await proof({}, dpopKey('ES384')), 'ERR_DPOP_PROOF_INVALID');
    await expect(
      verifyDpopProof(await proof({}, dpopKey('ES384')), options({ algorithms: ['ES384'] })),
    ).resolves.toBeDefined();
    const rsa = dpopKey('RS256');
    await refused(await proof({ header: { jwk: es256.jwk } }, rsa), 'ERR_DPOP_PROOF_INVALID');
  });

  it.each([
    ['typ JWT', { typ: 'JWT' }],
    ['no typ', { typ: undefined }],
    ['crit', { crit: ['b64'], b64: true }],
    ['no jwk', { jwk: undefined }],
  ])('refuses a header with %s', async (_name, header) => {
    await refused(await proof({ header }), 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses a wrong htm', async () => {
    await refused(await proof({ htm: 'POST' }), 'ERR_DPOP_PROOF_INVALID');
    await refused(await proof({ htm: 'get' }), 'ERR_DPOP_PROOF_INVALID');
  });

  it.each([
    ['a query', `${URL}?x=1`],
    ['a fragment', `${URL}#f`],
    ['another path case', 'https://api.example.com/Orders'],
    ['another port', 'https://api.example.com:8443/orders'],
    ['a trailing slash', `${URL}/`],
    ['another host', 'https://evil.example.com/orders'],
    ['plain http', 'http://api.example.com/orders'],
    ['a relative URL', '/orders'],
    ['userinfo', 'https://u:p@api.example.com/orders'],
  ])('refuses an htu with %s', async (_name, htu) => {
    await refused(await proof({ htu }), 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses a stale or future iat and a non-numeric one', async () => {
    await refused(await proof({ iat: NOW - 61 }), 'ERR_DPOP_PROOF_INVALID');
    await refused(await proof({ iat: NOW + 61 }), 'ERR_DPOP_PROOF_INVALID');
    await refused(await proof({ claims: { iat: String(NOW) } }), 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses a missing or wrong ath', async () => {
    await refused(await proof({ token: undefined }), 'ERR_DPOP_PROOF_INVALID');
    await refused(await proof({ token: 'another.access.token' }), 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses a missing or oversized jti', async () => {
    await refused(await proof({ claims: { jti: undefined } }), 'ERR_DPOP_PROOF_INVALID');
    await refused(await proof({ jti: 'j'.repeat(257) }), 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses a proof over the size cap, a list of proofs and no proof', async () => {
    const big = await proof({ claims: { pad: 'x'.repeat(4000) } });
    await refused(big, 'ERR_DPOP_PROOF_INVALID');
    await expect(verifyDpopProof(big, options({ maxProofLength: 8192 }))).resolves.toBeDefined();
    await refused([await proof()], 'ERR_DPOP_PROOF_INVALID');
    await refused(undefined, 'ERR_DPOP_PROOF_INVALID');
  });

  it('refuses a proof of another key than the expected thumbprint', async () => {
    const jkt = await calculateJwkThumbprint(other.jwk, 'sha256');
    await refused(await proof(), 'ERR_DPOP_BINDING_MISMATCH', { jkt });
  });
});

describe('verifyDpopProof: replay', () => {
  it('refuses the same proof twice with one store', async () => {
    const replay = new MemoryReplayStore();
    const value = await proof();
    await verifyDpopProof(value, options({ replay }));
    await refused(value, 'ERR_DPOP_REPLAYED', { replay });
  });

  it('fails closed (503) when the store fails', async () => {
    const broken: ReplayStore = { markUsed: () => Promise.reject(new Error('down')) };
    const err = (await verifyDpopProof(await proof(), options({ replay: broken })).catch(
      (e: unknown) => e,
    )) as JwtError;
    expect(err.code).toBe('ERR_DPOP_REPLAY_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(err.headers['Retry-After']).toBe('1');
  });

  it('records ids for the whole window: the store sees an expiry of iat + window', async () => {
    const seen: number[] = [];
    const store: ReplayStore = { markUsed: (_id, expiresAt) => (seen.push(expiresAt), true) };
    await verifyDpopProof(await proof({ iat: NOW - 10 }), options({ replay: store }));
    expect(seen).toEqual([(NOW - 10 + 60) * 1000]);
  });
});

describe('verifyDpopProof: options', () => {
  it.each([
    ['url', { url: '/relative' }],
    ['method', { method: '' }],
    ['options.algorithms', { algorithms: ['HS256'] }],
    ['options.iatWindow', { iatWindow: 0 }],
    ['replay', { replay: {} as ReplayStore }],
    ['clockTolerance', { clockTolerance: 301 }],
  ])('names %s when it is invalid', async (name, extra) => {
    await expect(
      verifyDpopProof('x', options(extra as Partial<VerifyDpopProofOptions>)),
    ).rejects.toThrow(`"${name}"`);
  });
});

// RFC 9449 §8 at a login route: the same stateless nonces as the `dpop.nonce` option.
describe('verifyDpopProof: server nonces', () => {
  const nonce = { secret: 'the login nonce secret, thirty-two bytes+', lifetime: 60 };
  const at = (seconds: number) => options({ nonce, clock: () => seconds * 1000 });

  async function nonceError(value: string, opts: VerifyDpopProofOptions): Promise<JwtError> {
    const err = (await verifyDpopProof(value, opts).catch((e: unknown) => e)) as JwtError;
    expect(err.code).toBe('ERR_DPOP_NONCE_REQUIRED');
    return err;
  }

  it('refuses a proof without a nonce and hands out one to retry with (DPoP-Nonce)', async () => {
    const err = await nonceError(await proof(), at(NOW));
    const issued = err.dpop?.nonce;
    expect(issued).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const answer = httpAnswer(err);
    expect(answer.status).toBe(401);
    expect(answer.headers['DPoP-Nonce']).toBe(issued);
    expect(answer.headers['WWW-Authenticate']).toContain('error="use_dpop_nonce"');
    // The retry with that nonce passes, and needs no new one yet.
    const ok = await verifyDpopProof(await proof({ claims: { nonce: issued } }), at(NOW));
    expect(ok.claims.nonce).toBe(issued);
    expect(ok.nextNonce).toBeUndefined();
  });

  it('accepts a nonce of the previous window once more, with the next one to use', async () => {
    const issued = (await nonceError(await proof(), at(NOW))).dpop?.nonce;
    const later = NOW + 60;
    const ok = await verifyDpopProof(
      await proof({ iat: later, claims: { nonce: issued } }),
      at(later),
    );
    expect(ok.nextNonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(ok.nextNonce).not.toBe(issued);
    // Two windows later it is gone.
    await nonceError(await proof({ iat: NOW + 120, claims: { nonce: issued } }), at(NOW + 120));
  });

  it('refuses a nonce made with another secret', async () => {
    const foreign = (
      await nonceError(
        await proof(),
        options({ nonce: { secret: 'another secret of thirty-two bytes...' } }),
      )
    ).dpop?.nonce;
    await nonceError(await proof({ claims: { nonce: foreign } }), at(NOW));
  });

  it('names the option when it is wrong', async () => {
    await expect(
      verifyDpopProof(await proof(), options({ nonce: { secret: 'short' } })),
    ).rejects.toMatchObject({
      code: 'ERR_JWT_CONFIG_INVALID',
      message: expect.stringContaining('"nonce.secret"') as unknown,
    });
  });
});
