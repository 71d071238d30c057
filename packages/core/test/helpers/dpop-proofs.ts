import { createHash, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWK } from 'jose';

/** A client's DPoP key pair and its public JWK. */
export interface DpopKey {
  alg: 'ES256' | 'EdDSA' | 'Ed25519' | 'PS256' | 'RS256' | 'ES384';
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: JWK;
}

export function dpopKey(alg: DpopKey['alg'] = 'ES256'): DpopKey {
  const pair =
    alg === 'EdDSA' || alg === 'Ed25519'
      ? generateKeyPairSync('ed25519')
      : alg === 'ES256' || alg === 'ES384'
        ? generateKeyPairSync('ec', { namedCurve: alg === 'ES256' ? 'P-256' : 'P-384' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = pair.publicKey.export({ format: 'jwk' }) as JWK;
  // jose's key import reads the JWK's alg (RFC 9864 names): a node:crypto export has none.
  if (alg === 'Ed25519') jwk.alg = 'Ed25519';
  return { alg, privateKey: pair.privateKey, publicKey: pair.publicKey, jwk };
}

export const ath = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

export interface ProofInput {
  htm: string;
  htu: string;
  /** The access token the proof goes with (sets `ath`). */
  token?: string;
  /** Seconds since the epoch. */
  iat: number;
  jti?: string;
  /** Claims to add or override (`undefined` removes). */
  claims?: Record<string, unknown>;
  /** Header members to add or override. */
  header?: Record<string, unknown>;
}

/** A DPoP proof signed by jose: the independent oracle, not our code. */
export async function makeProof(key: DpopKey, input: ProofInput): Promise<string> {
  const payload: Record<string, unknown> = {
    jti: input.jti ?? randomUUID(),
    htm: input.htm,
    htu: input.htu,
    iat: input.iat,
    ...(input.token === undefined ? {} : { ath: ath(input.token) }),
    ...input.claims,
  };
  for (const name of Object.keys(payload)) if (payload[name] === undefined) delete payload[name];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, typ: 'dpop+jwt', jwk: key.jwk, ...input.header })
    .sign(key.privateKey);
}

/** A compact JWS from raw parts (for proofs no library would sign: alg none, HS256). */
export function rawJws(header: object, payload: object, signature = ''): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}
