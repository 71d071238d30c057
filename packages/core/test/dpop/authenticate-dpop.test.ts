import {
  createAuthenticator,
  createSigner,
  type JwtError,
  jwkThumbprint,
  type AuthenticatorOptions,
  type JwtErrorCode,
  type RequestView,
} from '@tokenward/core';
import { decodeJwt } from 'jose';
import { dpopKey, makeProof } from '../helpers/dpop-proofs';
import { rejection } from '../helpers/jwt-errors';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const NOW = 1_760_000_000;
const clock = () => NOW * 1000;
const signer = createSigner({ algorithm: 'HS256', key: SECRET, clock });
const key = dpopKey('ES256');
const jkt = jwkThumbprint(key.jwk);
const ALGS = 'DPoP algs="ES256 EdDSA Ed25519 PS256 RS256"';

const auth = (dpop: AuthenticatorOptions['dpop'], extra: AuthenticatorOptions = {}) =>
  createAuthenticator({ algorithms: ['HS256'], key: SECRET, clock, dpop, ...extra });

function view(headers: Record<string, string>, extra: Partial<RequestView> = {}): RequestView {
  const rawHeaders = Object.entries(headers).flat();
  return {
    method: 'GET',
    url: '/orders?page=1',
    headers: { host: 'api.example.com', ...headers },
    rawHeaders: ['Host', 'api.example.com', ...rawHeaders],
    secure: true,
    ...extra,
  };
}

async function dpopView(token: string, extra: Partial<RequestView> = {}, htu?: string) {
  const proof = await makeProof(key, {
    htm: extra.method ?? 'GET',
    htu: htu ?? 'https://api.example.com/orders',
    token,
    iat: NOW,
  });
  return view({ authorization: `DPoP ${token}`, dpop: proof }, extra);
}

async function expectRefused(promise: Promise<unknown>, code: JwtErrorCode): Promise<JwtError> {
  const err = await rejection(promise);
  expect(err.code).toBe(code);
  return err;
}

describe('authenticate with DPoP (allowed mode)', () => {
  const a = auth({});

  it('accepts a bound token with a fresh proof, and reports the confirmation', async () => {
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    expect(decodeJwt(token).cnf).toEqual({ jkt });
    const result = await a.authenticate(await dpopView(token));
    expect(result).toMatchObject({ authenticated: true, claims: { sub: 'alice' } });
    expect(result.authenticated && result.confirmation).toEqual({ method: 'dpop', jkt });
  });

  it('checks the proof on every request, even when the claims come from the cache', async () => {
    const cached = auth({}, { cache: true });
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    const first = await dpopView(token);
    await cached.authenticate(first);
    await cached.authenticate(await dpopView(token));
    const err = await expectRefused(cached.authenticate(first), 'ERR_DPOP_REPLAYED');
    expect(err.headers['WWW-Authenticate']).toBe(
      `${ALGS}, error="invalid_dpop_proof", error_description="The DPoP proof was already used", Bearer realm="api"`,
    );
  });

  it('accepts a Bearer token without cnf, and refuses a bound one as Bearer', async () => {
    const plain = await signer.sign({ sub: 'bob' });
    await expect(a.authenticate(view({ authorization: `Bearer ${plain}` }))).resolves.toMatchObject(
      {
        authenticated: true,
      },
    );
    const bound = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    const err = await expectRefused(
      a.authenticate(view({ authorization: `Bearer ${bound}` })),
      'ERR_DPOP_BINDING_MISMATCH',
    );
    expect(err.status).toBe(401);
    expect(err.headers['WWW-Authenticate']).toBe(
      `Bearer realm="api", error="invalid_token", error_description="The access token is not bound to the proof of possession sent", ${ALGS}`,
    );
  });

  it('refuses an unbound token sent with the DPoP scheme, and a proof of another key', async () => {
    const plain = await signer.sign({ sub: 'bob' });
    await expectRefused(a.authenticate(await dpopView(plain)), 'ERR_DPOP_BINDING_MISMATCH');
    const otherJkt = jwkThumbprint(dpopKey('ES256').jwk);
    const foreign = await signer.sign({ sub: 'alice' }, { dpopJkt: otherJkt });
    const err = await expectRefused(
      a.authenticate(await dpopView(foreign)),
      'ERR_DPOP_BINDING_MISMATCH',
    );
    expect(err.headers['WWW-Authenticate']).toMatch(/^DPoP algs="[^"]+", error="invalid_token"/);
  });

  it('refuses a DPoP request without a proof, or with two DPoP headers', async () => {
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    await expectRefused(
      a.authenticate(view({ authorization: `DPoP ${token}` })),
      'ERR_DPOP_PROOF_INVALID',
    );
    const one = await dpopView(token);
    const proof = one.headers['dpop'] as string;
    const twice = view({ authorization: `DPoP ${token}`, dpop: proof });
    const doubled = { ...twice, rawHeaders: [...(twice.rawHeaders ?? []), 'DPoP', proof] };
    await expectRefused(a.authenticate(doubled), 'ERR_DPOP_PROOF_INVALID');
  });

  it("checks htu against the request's scheme and host, or publicUrl", async () => {
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    await expectRefused(
      a.authenticate(await dpopView(token, { secure: false })),
      'ERR_DPOP_PROOF_INVALID',
    );
    const behindProxy = auth({ publicUrl: 'https://public.example.com/api' });
    const htu = 'https://public.example.com/api/orders';
    const internal = { host: 'internal:8080', secure: false };
    await expect(
      behindProxy.authenticate(await dpopView(token, internal, htu)),
    ).resolves.toMatchObject({ authenticated: true });
    await expectRefused(
      behindProxy.authenticate(await dpopView(token, internal)),
      'ERR_DPOP_PROOF_INVALID',
    );
  });

  it('accepts an absolute-form target of its own origin only', async () => {
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    await expect(
      a.authenticate(await dpopView(token, { url: 'https://api.example.com/orders?x=1' })),
    ).resolves.toMatchObject({ authenticated: true });
    await expectRefused(
      a.authenticate(
        await dpopView(
          token,
          { url: 'https://evil.example.com/orders' },
          'https://evil.example.com/orders',
        ),
      ),
      'ERR_DPOP_PROOF_INVALID',
    );
  });

  it('puts token faults of a DPoP request on the DPoP challenge', async () => {
    const expired = await signer.sign({ sub: 'alice', exp: NOW - 10 }, { dpopJkt: jkt });
    const err = await expectRefused(a.authenticate(await dpopView(expired)), 'ERR_JWT_EXPIRED');
    expect(err.headers['WWW-Authenticate']).toBe(
      `${ALGS}, error="invalid_token", error_description="The access token expired", Bearer realm="api"`,
    );
  });

  it('challenges a request without credentials with both schemes, without error', async () => {
    const err = await expectRefused(a.authenticate(view({})), 'ERR_JWT_MISSING');
    expect(err.headers['WWW-Authenticate']).toBe(`Bearer realm="api", ${ALGS}`);
  });
});

describe('authenticate with DPoP (required and off)', () => {
  it('required: refuses Bearer tokens, with a DPoP-only challenge', async () => {
    const a = auth({ mode: 'required', algorithms: ['ES256'] });
    const plain = await signer.sign({ sub: 'bob' });
    const err = await expectRefused(
      a.authenticate(view({ authorization: `Bearer ${plain}` })),
      'ERR_DPOP_BINDING_MISMATCH',
    );
    expect(err.headers['WWW-Authenticate']).toBe(
      'DPoP algs="ES256", error="invalid_token", error_description="The access token is not bound to the proof of possession sent"',
    );
    const bound = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    await expect(a.authenticate(await dpopView(bound))).resolves.toMatchObject({
      authenticated: true,
    });
  });

  it('required: refuses even under optional authentication', async () => {
    const a = auth({ mode: 'required' }, { credentialsRequired: false });
    const plain = await signer.sign({ sub: 'bob' });
    await expectRefused(
      a.authenticate(view({ authorization: `Bearer ${plain}` })),
      'ERR_DPOP_BINDING_MISMATCH',
    );
    await expect(a.authenticate(view({}))).resolves.toEqual({ authenticated: false });
  });

  it('off (and no dpop option): the DPoP scheme is not read; bound tokens as Bearer refused', async () => {
    for (const a of [auth({ mode: 'off' }), auth(undefined)]) {
      const bound = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
      const missing = await expectRefused(a.authenticate(await dpopView(bound)), 'ERR_JWT_MISSING');
      expect(missing.headers['WWW-Authenticate']).toBe('Bearer realm="api"');
      const err = await expectRefused(
        a.authenticate(view({ authorization: `Bearer ${bound}` })),
        'ERR_DPOP_BINDING_MISMATCH',
      );
      expect(err.headers['WWW-Authenticate']).toMatch(/^Bearer realm="api", error="invalid_token"/);
    }
  });

  it('keeps clients apart: interleaved proofs of several keys and algorithms, one bad signature each', async () => {
    const a = auth({});
    const clients = (['ES256', 'Ed25519', 'ES256', 'PS256', 'EdDSA'] as const).map((alg) => ({
      key: dpopKey(alg),
    }));
    const tokens = await Promise.all(
      clients.map(({ key: k }) => signer.sign({ sub: k.alg }, { dpopJkt: jwkThumbprint(k.jwk) })),
    );
    const proofFor = (i: number) =>
      makeProof(clients[i]!.key, {
        htm: 'GET',
        htu: 'https://api.example.com/orders',
        token: tokens[i]!,
        iat: NOW,
      });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < clients.length; i++) {
        const proof = await proofFor(i);
        const result = a.authenticateNow(
          view({ authorization: `DPoP ${tokens[i]!}`, dpop: proof }),
        );
        expect(result).toMatchObject({
          authenticated: true,
          claims: { sub: clients[i]!.key.alg },
          confirmation: { method: 'dpop', jkt: jwkThumbprint(clients[i]!.key.jwk) },
        });
        expect(Object.isFrozen((result as { confirmation?: unknown }).confirmation)).toBe(true);
        // The same proof with its signature changed in one character, shortened or lengthened.
        const last = proof.at(-2) === 'A' ? 'B' : 'A';
        for (const bad of [
          `${proof.slice(0, -2)}${last}${proof.at(-1)!}`,
          proof.slice(0, -4),
          `${proof}AAAA`,
        ]) {
          expect(() =>
            a.authenticateNow(view({ authorization: `DPoP ${tokens[i]!}`, dpop: bad })),
          ).toThrow(expect.objectContaining({ code: 'ERR_DPOP_PROOF_INVALID' }) as JwtError);
        }
      }
    }
  });

  it('answers synchronously with the memory store (authenticateNow)', async () => {
    const a = auth({});
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    const answer = a.authenticateNow(await dpopView(token));
    expect(answer).not.toBeInstanceOf(Promise);
  });

  it.each([
    ['dpop', 'yes'],
    ['dpop.mode', { mode: 'sometimes' }],
    ['dpop.algorithms', { algorithms: ['HS256'] }],
    ['dpop.algorithms', { algorithms: [] }],
    ['dpop.iatWindow', { iatWindow: 601 }],
    ['dpop.maxProofLength', { maxProofLength: 10 }],
    ['dpop.publicUrl', { publicUrl: 'https://x.example.com/?q' }],
    ['dpop.replay', { replay: { has: () => false } }],
  ])('names %s when it is invalid', (name, value) => {
    expect(() => auth(value as AuthenticatorOptions['dpop'])).toThrow(`"${name}"`);
  });
});
