import {
  createAuthenticator,
  createSigner,
  jwkThumbprint,
  type AuthenticatorOptions,
  type RequestView,
} from '@tokenward/core';
import { dpopKey, makeProof } from '../helpers/dpop-proofs';
import { rejection } from '../helpers/jwt-errors';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const NONCE_SECRET = 'the dpop nonce secret, thirty-two bytes+';
const START = 1_760_000_100; // seconds; lifetime 300 → window boundaries at multiples of 300
let now = START;
const clock = () => now * 1000;
const signer = createSigner({ algorithm: 'HS256', key: SECRET, clock });
const key = dpopKey('ES256');
const jkt = jwkThumbprint(key.jwk);

const auth = (nonce: NonNullable<AuthenticatorOptions['dpop']>['nonce']) =>
  createAuthenticator({ algorithms: ['HS256'], key: SECRET, clock, dpop: { nonce } });

async function request(token: string, nonce?: string): Promise<RequestView> {
  const proof = await makeProof(key, {
    htm: 'GET',
    htu: 'https://api.example.com/me',
    token,
    iat: now,
    claims: nonce === undefined ? {} : { nonce },
  });
  return {
    method: 'GET',
    url: '/me',
    headers: { host: 'api.example.com', authorization: `DPoP ${token}`, dpop: proof },
    secure: true,
  };
}

describe('DPoP server nonces (RFC 9449 §8)', () => {
  beforeEach(() => {
    now = START;
  });

  it('asks for a nonce (401 use_dpop_nonce + DPoP-Nonce), then accepts the proof that carries it', async () => {
    const a = auth({ secret: NONCE_SECRET });
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    const err = await rejection(a.authenticate(await request(token)));
    expect(err.code).toBe('ERR_DPOP_NONCE_REQUIRED');
    expect(err.status).toBe(401);
    expect(err.headers['WWW-Authenticate']).toMatch(/^DPoP algs="[^"]+", error="use_dpop_nonce"/);
    expect(err.body.error).toBe('use_dpop_nonce');
    const nonce = err.headers['DPoP-Nonce'] as string;
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const result = await a.authenticate(await request(token, nonce));
    expect(result.authenticated && result.headers).toBeUndefined();
  });

  it('any instance with the same secret accepts it (stateless); another secret does not', async () => {
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    const nonce = (
      await rejection(auth({ secret: NONCE_SECRET }).authenticate(await request(token)))
    ).headers['DPoP-Nonce'] as string;
    await expect(
      auth({ secret: NONCE_SECRET }).authenticate(await request(token, nonce)),
    ).resolves.toMatchObject({ authenticated: true });
    const other = await rejection(
      auth({ secret: 'another nonce secret of thirty-two bytes' }).authenticate(
        await request(token, nonce),
      ),
    );
    expect(other.code).toBe('ERR_DPOP_NONCE_REQUIRED');
  });

  it('accepts a nonce for two windows, sending a new one in the second, then refuses it', async () => {
    const a = auth({ secret: NONCE_SECRET, lifetime: 300 });
    const token = await signer.sign({ sub: 'alice', exp: START + 3600 }, { dpopJkt: jkt });
    const nonce = (await rejection(a.authenticate(await request(token)))).headers[
      'DPoP-Nonce'
    ] as string;
    now = START + 300; // the next window
    const rotated = await a.authenticate(await request(token, nonce));
    const fresh = rotated.authenticated ? rotated.headers?.['DPoP-Nonce'] : undefined;
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fresh).not.toBe(nonce);
    now = START + 600; // two windows later
    const err = await rejection(a.authenticate(await request(token, nonce)));
    expect(err.code).toBe('ERR_DPOP_NONCE_REQUIRED');
    await expect(a.authenticate(await request(token, fresh))).resolves.toMatchObject({
      authenticated: true,
    });
  });

  it('refuses forged and malformed nonces', async () => {
    const a = auth({ secret: NONCE_SECRET });
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    const nonce = (await rejection(a.authenticate(await request(token)))).headers[
      'DPoP-Nonce'
    ] as string;
    const flipped = nonce.slice(0, -2) + (nonce.at(-2) === 'A' ? 'B' : 'A') + nonce.at(-1);
    for (const bad of [flipped, 'short', nonce + 'x', 'A'.repeat(32)]) {
      const err = await rejection(a.authenticate(await request(token, bad)));
      expect(err.code).toBe('ERR_DPOP_NONCE_REQUIRED');
    }
  });

  it('rotates secrets: the first issues, all are accepted', async () => {
    const old = 'the old nonce secret, thirty-two bytes+';
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    const oldNonce = (await rejection(auth({ secret: old }).authenticate(await request(token))))
      .headers['DPoP-Nonce'] as string;
    const rotating = auth({ secret: [NONCE_SECRET, old] });
    await expect(rotating.authenticate(await request(token, oldNonce))).resolves.toMatchObject({
      authenticated: true,
    });
    const issued = (await rejection(rotating.authenticate(await request(token)))).headers[
      'DPoP-Nonce'
    ];
    expect(issued).not.toBe(oldNonce);
  });

  it.each([
    ['dpop.nonce.secret', { secret: 'short' }],
    ['dpop.nonce.secret', { secret: [] }],
    ['dpop.nonce.secret[1]', { secret: [NONCE_SECRET, 'short'] }],
    ['dpop.nonce.lifetime', { secret: NONCE_SECRET, lifetime: 5 }],
  ])('names %s when it is invalid', (name, nonce) => {
    expect(() => auth(nonce as never)).toThrow(`"${name}"`);
  });
});
