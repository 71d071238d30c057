import type { Algorithm } from '../types/algorithm.js';

/** Key family an algorithm needs: the node:crypto key type that may serve it. */
export type AlgorithmFamily = 'HMAC' | 'RSA' | 'RSA-PSS' | 'EC' | 'OKP';

/** Everything the key checks and signature code need to know about one algorithm. */
export interface AlgorithmSpec {
  readonly alg: Algorithm;
  readonly family: AlgorithmFamily;
  /** node:crypto digest name. */
  readonly hash: 'sha256' | 'sha384' | 'sha512';
  /** Digest size in bytes: the minimum HMAC secret size and the PSS salt length. */
  readonly hashBytes: number;
  /** EC only: the node:crypto curve name and the JWK `crv`. */
  readonly curve?: 'prime256v1' | 'secp384r1' | 'secp521r1';
  readonly crv?: 'P-256' | 'P-384' | 'P-521';
  /** Exact signature length in bytes, when fixed by the algorithm (HMAC, ECDSA, Ed25519). */
  readonly signatureBytes?: number;
}

const hmac = (alg: Algorithm, bits: 256 | 384 | 512): AlgorithmSpec => ({
  alg,
  family: 'HMAC',
  hash: `sha${bits}`,
  hashBytes: bits / 8,
  signatureBytes: bits / 8,
});
const rsa = (alg: Algorithm, family: 'RSA' | 'RSA-PSS', bits: 256 | 384 | 512): AlgorithmSpec => ({
  alg,
  family,
  hash: `sha${bits}`,
  hashBytes: bits / 8,
});

/** One entry per supported algorithm; a `Map`, so a hostile `alg` string never reaches a prototype. */
export const ALGORITHM_SPECS: ReadonlyMap<string, AlgorithmSpec> = new Map<string, AlgorithmSpec>([
  ['HS256', hmac('HS256', 256)],
  ['HS384', hmac('HS384', 384)],
  ['HS512', hmac('HS512', 512)],
  ['RS256', rsa('RS256', 'RSA', 256)],
  ['RS384', rsa('RS384', 'RSA', 384)],
  ['RS512', rsa('RS512', 'RSA', 512)],
  ['PS256', rsa('PS256', 'RSA-PSS', 256)],
  ['PS384', rsa('PS384', 'RSA-PSS', 384)],
  ['PS512', rsa('PS512', 'RSA-PSS', 512)],
  ['ES256', ec('ES256', 256, 'prime256v1', 'P-256', 64)],
  ['ES384', ec('ES384', 384, 'secp384r1', 'P-384', 96)],
  ['ES512', ec('ES512', 512, 'secp521r1', 'P-521', 132)],
  ['EdDSA', { alg: 'EdDSA', family: 'OKP', hash: 'sha512', hashBytes: 64, signatureBytes: 64 }],
  // RFC 9864: the fully-specified name of EdDSA over Ed25519 (what WebCrypto-based clients send).
  ['Ed25519', { alg: 'Ed25519', family: 'OKP', hash: 'sha512', hashBytes: 64, signatureBytes: 64 }],
]);

function ec(
  alg: Algorithm,
  bits: 256 | 384 | 512,
  curve: AlgorithmSpec['curve'],
  crv: AlgorithmSpec['crv'],
  signatureBytes: number,
): AlgorithmSpec {
  return { alg, family: 'EC', hash: `sha${bits}`, hashBytes: bits / 8, curve, crv, signatureBytes };
}

/** The spec of a supported algorithm, or `undefined` for anything else (including `none`). */
export function algorithmSpec(alg: unknown): AlgorithmSpec | undefined {
  return typeof alg === 'string' ? ALGORITHM_SPECS.get(alg) : undefined;
}

/** Whether a value names a supported algorithm (exact, case-sensitive). */
export function isAlgorithm(alg: unknown): alg is Algorithm {
  return algorithmSpec(alg) !== undefined;
}
