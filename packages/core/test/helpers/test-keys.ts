import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Jwk } from '@tokenward/core';

/** A P-256 key pair with its public JWK (kid, alg ES256, use sig). */
export interface TestKey {
  kid: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  jwk: Jwk;
}

export function ecKey(kid: string, extra: Partial<Jwk> = {}): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = {
    ...publicKey.export({ format: 'jwk' }),
    kid,
    alg: 'ES256',
    use: 'sig',
    ...extra,
  } as Jwk;
  return { kid, publicKey, privateKey, jwk };
}

export function edKey(kid: string): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid } as Jwk;
  return { kid, publicKey, privateKey, jwk };
}
