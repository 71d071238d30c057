import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthenticatorOptions } from '@tokenward/core';
import request from 'supertest';
import { dpopTestClient } from './dpop-test-client.js';
import type { Hs256TestTokens } from './hs256-test-tokens.js';

/** The routes of the DPoP walk: a path and the adapter options guarding it. */
export type DpopTestRoutes = Readonly<Record<'/me' | '/strict' | '/nonce', AuthenticatorOptions>>;

/**
 * Builds the app of one framework for {@link describeDpopOverHttp}: `GET` on each path of
 * `routes`, guarded by the adapter with that path's options, its handler calling `ran()` and
 * answering `{ sub }` from the verified claims. The app trusts `X-Forwarded-Proto` and
 * `X-Forwarded-Host` from a loopback proxy.
 */
export type DpopTestApp = (routes: DpopTestRoutes, ran: () => void) => RequestListener;

const ALGS = 'DPoP algs="ES256 EdDSA Ed25519 PS256 RS256"';
const NONCE_SECRET = 'the dpop over http nonce secret, 32+ bytes';

/**
 * The DPoP behaviour an adapter shows over real HTTP, beyond the conformance rows (single
 * stateless requests): replay, the proxy-derived `htu`, the DPoP-only challenge of `required`
 * mode, and server nonces with rotation. One Jest `describe`, run by each adapter's suite.
 *
 * @param name - the framework, for the titles (`express5`, `koa3`, …)
 * @param tokens - the suite's HS256 verifier options and signer
 * @param app - builds the framework's app (see {@link DpopTestApp})
 * @example
 * ```ts
 * describeDpopOverHttp('express5', { VERIFY, sign }, (routes, ran) => {
 *   const app = express().set('trust proxy', 'loopback');
 *   for (const [path, options] of Object.entries(routes)) {
 *     app.get(path, jwt(options), (req, res) => (ran(), res.json({ sub: req.auth?.sub ?? null })));
 *   }
 *   return app;
 * });
 * ```
 */
export function describeDpopOverHttp(
  name: string,
  tokens: Pick<Hs256TestTokens, 'VERIFY' | 'sign'>,
  app: DpopTestApp,
): void {
  const client = dpopTestClient();
  const { VERIFY, sign } = tokens;
  // The /nonce route's frozen clock (seconds), set by the nonce test: a little into a nonce
  // window, ahead of real time by less than the tokens' 15-minute lifetime.
  let clockAt = 0;

  describe(`DPoP over HTTP on ${name}`, () => {
    let server: Server;
    let base: string;
    let ran: number;

    beforeAll(async () => {
      const routes: DpopTestRoutes = {
        '/me': { ...VERIFY, dpop: {} },
        '/strict': { ...VERIFY, dpop: { mode: 'required' } },
        '/nonce': {
          ...VERIFY,
          clock: () => clockAt * 1000,
          dpop: { nonce: { secret: NONCE_SECRET } },
        },
      };
      server = createServer(app(routes, () => ran++)).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));
    beforeEach(() => {
      ran = 0;
    });

    const bound = () => sign({ sub: 'alice' }, { dpopJkt: client.jkt });
    // GET `path` with `Authorization: DPoP <token>` and a DPoP header (further headers chain on).
    const dpopGet = (path: string, token: string, proof: string) =>
      request(server).get(path).set('Authorization', `DPoP ${token}`).set('DPoP', proof);

    test('accepts Authorization: DPoP with a fresh proof; the same proof twice is refused', async () => {
      const token = await bound();
      const proof = client.proof('GET', `${base}/me`, { token });
      const ok = await dpopGet('/me?x=1', token, proof);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ sub: 'alice' });
      const again = await dpopGet('/me', token, proof);
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('ERR_DPOP_REPLAYED');
      expect(again.headers['www-authenticate']).toBe(
        `${ALGS}, error="invalid_dpop_proof", error_description="The DPoP proof was already used", Bearer realm="api"`,
      );
      expect(ran).toBe(1);
    });

    test('refuses a bound token sent as Bearer, and accepts an unbound Bearer token', async () => {
      const res = await request(server)
        .get('/me')
        .set('Authorization', `Bearer ${await bound()}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ERR_DPOP_BINDING_MISMATCH');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="api", error="invalid_token"/);
      const plain = await request(server)
        .get('/me')
        .set('Authorization', `Bearer ${await sign({ sub: 'bob' })}`);
      expect(plain.status).toBe(200);
      expect(ran).toBe(1);
    });

    test('refuses a proof for another method or URL, and two DPoP headers', async () => {
      const token = await bound();
      for (const proof of [
        client.proof('POST', `${base}/me`, { token }),
        client.proof('GET', `${base}/me/`, { token }),
        client.proof('GET', `${base}/ME`, { token }),
        client.proof('GET', `https://127.0.0.1:${new URL(base).port}/me`, { token }),
      ]) {
        const res = await dpopGet('/me', token, proof);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('ERR_DPOP_PROOF_INVALID');
      }
      // Two header lines (Node sends each array element as its own line).
      const twice = await dpopGet('/me', token, [
        client.proof('GET', `${base}/me`, { token }),
        client.proof('GET', `${base}/me`, { token }),
      ] as unknown as string);
      expect(twice.status).toBe(401);
      expect(twice.body.code).toBe('ERR_DPOP_PROOF_INVALID');
      expect(ran).toBe(0);
    });

    test("takes the proof's scheme and host from a trusted proxy's headers", async () => {
      const token = await bound();
      const res = await dpopGet(
        '/me',
        token,
        client.proof('GET', 'https://api.example.com/me', { token }),
      )
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-Host', 'api.example.com');
      expect(res.status).toBe(200);
    });

    test('a route with dpop.mode required refuses Bearer tokens (DPoP-only challenge)', async () => {
      const res = await request(server)
        .get('/strict')
        .set('Authorization', `Bearer ${await sign({ sub: 'bob' })}`);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(
        `${ALGS}, error="invalid_token", error_description="The access token is not bound to the proof of possession sent"`,
      );
      const token = await bound();
      const ok = await dpopGet('/strict', token, client.proof('GET', `${base}/strict`, { token }));
      expect(ok.status).toBe(200);
      expect(ran).toBe(1);
    });

    test('server nonces: 401 use_dpop_nonce with DPoP-Nonce, then a new nonce on success when rotating', async () => {
      clockAt = Math.floor(Date.now() / 1000 / 300) * 300 + 310;
      const token = await bound();
      const at = (iat: number, nonce?: string) =>
        client.proof('GET', `${base}/nonce`, { token, iat, claims: nonce ? { nonce } : {} });
      const ask = await dpopGet('/nonce', token, at(clockAt));
      expect(ask.status).toBe(401);
      expect(ask.body.code).toBe('ERR_DPOP_NONCE_REQUIRED');
      expect(ask.headers['www-authenticate']).toMatch(/^DPoP algs="[^"]+", error="use_dpop_nonce"/);
      const nonce = ask.headers['dpop-nonce'] as string;
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const ok = await dpopGet('/nonce', token, at(clockAt, nonce));
      expect(ok.status).toBe(200);
      expect(ok.headers['dpop-nonce']).toBeUndefined();
      clockAt += 300; // the next nonce window (default lifetime 300 s)
      const rotated = await dpopGet('/nonce', token, at(clockAt, nonce));
      expect(rotated.status).toBe(200);
      expect(rotated.headers['dpop-nonce']).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(rotated.headers['dpop-nonce']).not.toBe(nonce);
    });
  });
}
