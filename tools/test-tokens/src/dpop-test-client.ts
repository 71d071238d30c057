import { createHash, generateKeyPairSync, randomUUID, sign, type JsonWebKey } from 'node:crypto';

/** A DPoP client for tests: an ES256 key pair and proofs made with node:crypto alone. */
export interface DpopTestClient {
  /** The public JWK sent in every proof's header. */
  readonly jwk: JsonWebKey;
  /** RFC 7638 thumbprint of the key: the `cnf.jkt` of tokens bound to it. */
  readonly jkt: string;
  /**
   * A proof for one request. `token` sets `ath`; `claims` add or override claims (`undefined`
   * removes one); `iat` defaults to now.
   */
  proof(
    htm: string,
    htu: string,
    options?: { token?: string; iat?: number; claims?: Record<string, unknown> },
  ): string;
}

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A new client key pair (P-256). */
export function dpopTestClient(): DpopTestClient {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const thumbprintInput = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  const jkt = createHash('sha256').update(thumbprintInput).digest('base64url');
  const header = b64({ typ: 'dpop+jwt', alg: 'ES256', jwk });
  return {
    jwk,
    jkt,
    proof(htm, htu, options = {}) {
      const claims: Record<string, unknown> = {
        jti: randomUUID(),
        htm,
        htu,
        iat: options.iat ?? Math.floor(Date.now() / 1000),
      };
      if (options.token !== undefined) {
        claims.ath = createHash('sha256').update(options.token).digest('base64url');
      }
      Object.assign(claims, options.claims);
      for (const name of Object.keys(claims)) if (claims[name] === undefined) delete claims[name];
      const input = `${header}.${b64(claims)}`;
      const signature = sign('sha256', Buffer.from(input), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363',
      });
      return `${input}.${signature.toString('base64url')}`;
    },
  };
}
