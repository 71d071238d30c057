import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import * as DPoP from 'dpop';
import * as oauth from 'oauth4webapi';
import {
  createAuthenticator,
  createSigner,
  jwkThumbprint,
  verifyDpopProof,
  type Authenticator,
} from '@tokenward/core';
import { startViewServer, type ViewServer } from '../helpers/view-server';

interface RfcProof {
  figure: string;
  proof: string;
  method: string;
  url: string;
  iat: number;
  accessToken?: string;
}
const rfc = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/vectors/rfc9449.json'), 'utf8'),
) as { jkt: string; proofs: RfcProof[] };

describe('the RFC 9449 example proofs', () => {
  it.each(rfc.proofs.map((p) => [p.figure, p] as const))(
    '%s verifies at its stated time',
    async (_figure, example) => {
      const proof = await verifyDpopProof(example.proof, {
        method: example.method,
        url: example.url,
        accessToken: example.accessToken,
        jkt: rfc.jkt,
        clock: () => (example.iat + 2) * 1000,
      });
      expect(proof.jkt).toBe(rfc.jkt);
      expect(proof.claims.iat).toBe(example.iat);
    },
  );

  it.each(rfc.proofs.map((p) => [p.figure, p] as const))(
    '%s is refused a window later, or for another URL',
    async (_figure, example) => {
      const base = { method: example.method, accessToken: example.accessToken };
      await expect(
        verifyDpopProof(example.proof, {
          ...base,
          url: example.url,
          clock: () => (example.iat + 61) * 1000,
        }),
      ).rejects.toMatchObject({ code: 'ERR_DPOP_PROOF_INVALID' });
      await expect(
        verifyDpopProof(example.proof, {
          ...base,
          url: `${example.url}/x`,
          clock: () => example.iat * 1000,
        }),
      ).rejects.toMatchObject({ code: 'ERR_DPOP_PROOF_INVALID' });
    },
  );
});

const proofHeaderOf = (proof: string): string => proof.slice(0, proof.indexOf('.'));

// Clients no one here wrote: proofs from panva's `dpop` and `oauth4webapi`, over real HTTP.
describe('interop with DPoP clients', () => {
  const secret = 'the interop test secret, thirty-two bytes or more';
  const signer = createSigner({ algorithm: 'HS256', key: secret });
  let auth: Authenticator;
  let server: ViewServer;
  let base: string;

  beforeAll(async () => {
    auth = createAuthenticator({ algorithms: ['HS256'], key: secret, dpop: { mode: 'required' } });
    server = await startViewServer(async (view) => {
      const result = await auth.authenticate(view);
      return result.authenticated
        ? { sub: result.claims.sub, confirmation: result.confirmation }
        : null;
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  async function call(accessToken: string, proof: string): Promise<Response> {
    return fetch(`${base}/orders?page=2`, {
      headers: { authorization: `DPoP ${accessToken}`, dpop: proof },
    });
  }

  // Ed25519: the library names the algorithm "Ed25519" (RFC 9864), not "EdDSA".
  it.each(['ES256', 'PS256', 'RS256', 'Ed25519'] as const)(
    "accepts panva's dpop %s proofs, once each",
    async (alg) => {
      const keyPair = await DPoP.generateKeyPair(alg);
      expect(
        JSON.parse(
          Buffer.from(
            proofHeaderOf(await DPoP.generateProof(keyPair, base, 'GET')),
            'base64url',
          ).toString(),
        ).alg,
      ).toBe(alg);
      const jkt = await DPoP.calculateThumbprint(keyPair.publicKey);
      const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
      const proof = await DPoP.generateProof(keyPair, `${base}/orders`, 'GET', undefined, token);
      const ok = await call(token, proof);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ sub: 'alice', confirmation: { method: 'dpop', jkt } });
      const replayed = await call(token, proof);
      expect(replayed.status).toBe(401);
      expect(((await replayed.json()) as { code: string }).code).toBe('ERR_DPOP_REPLAYED');
    },
  );

  it.each([
    ['ECDSA P-256', { name: 'ECDSA', namedCurve: 'P-256' }],
    ['Ed25519', { name: 'Ed25519' }],
  ] as const)(
    'accepts oauth4webapi protected-resource requests with a non-extractable WebCrypto %s key',
    async (_name, algorithm) => {
      const keyPair = (await webcrypto.subtle.generateKey(algorithm, false, [
        'sign',
        'verify',
      ])) as webcrypto.CryptoKeyPair;
      const jwk = await webcrypto.subtle.exportKey('jwk', keyPair.publicKey);
      const jkt = jwkThumbprint(jwk);
      const token = await signer.sign({ sub: 'bob' }, { dpopJkt: jkt });
      const handle = oauth.DPoP({}, keyPair);
      for (let i = 0; i < 2; i++) {
        const response = await oauth.protectedResourceRequest(
          token,
          'GET',
          new URL(`${base}/orders?page=${i}`),
          new Headers(),
          null,
          { DPoP: handle, [oauth.allowInsecureRequests]: true },
        );
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({
          sub: 'bob',
          confirmation: { method: 'dpop', jkt },
        });
      }
    },
  );
});
