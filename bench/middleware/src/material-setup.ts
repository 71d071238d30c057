import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigner, generateKeyPair, generateSecret } from '@tokenward/core';
import type { Material } from './material.js';

/**
 * Keys, tokens and the local JWK Set server of one benchmark run.
 *
 * @example
 * ```ts
 * const setup = await createMaterial();
 * setup.tokens.HS256;
 * ```
 */
export interface MaterialSetup {
  /** What the server children get. */
  material: Material;
  /** The valid tokens: HS256, and RS256 (with `kid`, also used for the remote JWK Set). */
  tokens: { HS256: string; RS256: string };
  /** Stops the JWK Set server. */
  close(): Promise<void>;
}

const ISSUER = 'https://auth.bench.local/';
const AUDIENCE = 'https://api.bench.local';

/**
 * Generates a random HS256 secret and an RSA-2048 pair, signs one token with each (valid for an
 * hour, with `iss`, `aud`, `sub`, `roles`), and serves the public key as a JWK Set on 127.0.0.1.
 *
 * @returns the run's material
 * @example
 * ```ts
 * const { material, tokens, close } = await createMaterial();
 * ```
 */
export async function createMaterial(): Promise<MaterialSetup> {
  const secret = generateSecret('HS256').toString('base64url');
  const rsa = await generateKeyPair('RS256', { kid: 'bench-rs256' });
  const jwks = JSON.stringify({ keys: [rsa.publicJwk] });
  const server: Server = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=600' })
      .end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const claims = { sub: 'bench-user', roles: ['user'] };
  const common = { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' } as const;
  const hs = createSigner({ algorithm: 'HS256', key: secret, ...common });
  const rs = createSigner({
    algorithm: 'RS256',
    key: rsa.privateKey,
    kid: 'bench-rs256',
    ...common,
  });
  return {
    material: {
      secret,
      publicKeyPem: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      issuer: ISSUER,
      audience: AUDIENCE,
    },
    tokens: { HS256: await hs.sign(claims), RS256: await rs.sign(claims) },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
