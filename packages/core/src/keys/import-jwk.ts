import { createPublicKey, createSecretKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { algorithmSpec } from '../lib/algorithm-table.js';
import { decodeBase64url } from '../lib/base64url.js';
import type { Algorithm } from '../types/algorithm.js';
import { keyError } from './check-key.js';
import { checkedKey, type CheckedKey } from './verification-key.js';

/** How {@link importJwk} treats one JWK. */
export interface ImportJwkOptions {
  /** Option path for messages, e.g. `key` or `key.keys[1]`. */
  readonly option: string;
  /** Whether an HMAC (`kty: "oct"`) key is acceptable (a single configured key, never a set). */
  readonly allowOct: boolean;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];
const COORDINATE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/**
 * Imports one JWK for verification and checks it (RFC 7517/7518/8037 and DESIGN.md §5): `kty`
 * RSA/EC/OKP (or `oct` when allowed), canonical base64url members of exact size, no private
 * members, `use` `sig`, `key_ops` allowing `verify`, a supported `alg` that pins the key.
 * Throws `ERR_JWT_KEY_INVALID` naming `option`.
 *
 * @param input - the JWK, untrusted
 * @param options - option path and whether `oct` keys are allowed
 */
export function importJwk(input: unknown, options: ImportJwkOptions): CheckedKey {
  const { option } = options;
  const fail = (problem: string): never => {
    throw keyError(option, problem);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('a JWK must be an object');
  }
  const jwk = input as Record<string, unknown>;
  const own = (name: string): unknown => (Object.hasOwn(jwk, name) ? jwk[name] : undefined);
  const kty = own('kty');
  const kid = own('kid');
  if (kid !== undefined && typeof kid !== 'string') fail('a JWK "kid" must be a string');
  const pinned = jwkAlgorithm(own('alg'), fail);
  checkPurpose(own('use'), own('key_ops'), fail);
  let keyObject: KeyObject;
  if (kty === 'oct') {
    if (!options.allowOct) fail('a JWK Set never supplies HMAC ("oct") keys');
    // Size and PEM/JWK-looking checks happen in checkedKey, per algorithm.
    keyObject = createSecretKey(member(own('k'), 'k', fail));
  } else {
    if (PRIVATE_MEMBERS.some((m) => own(m) !== undefined)) {
      fail('a verification JWK must not hold private key members');
    }
    keyObject = publicKey(kty, own, fail);
  }
  return checkedKey(keyObject, pinned, kid as string | undefined, option);
}

function jwkAlgorithm(alg: unknown, fail: (p: string) => never): Algorithm | undefined {
  if (alg === undefined) return undefined;
  if (typeof alg !== 'string') return fail('a JWK "alg" must be a string');
  if (algorithmSpec(alg) === undefined) {
    return fail(
      `JWK "alg" ${JSON.stringify(alg.slice(0, 20))} is not a supported signature algorithm`,
    );
  }
  return alg as Algorithm;
}

function checkPurpose(use: unknown, ops: unknown, fail: (p: string) => never): void {
  if (use !== undefined && use !== 'sig') fail('a JWK with "use" other than "sig" cannot verify');
  if (ops === undefined) return;
  if (!Array.isArray(ops) || !ops.every((op) => typeof op === 'string')) {
    fail('a JWK "key_ops" must be an array of strings');
  }
  const list = ops as string[];
  if (new Set(list).size !== list.length) fail('a JWK "key_ops" must not repeat a value');
  if (!list.includes('verify')) fail('a JWK "key_ops" must include "verify"');
}

function member(value: unknown, name: string, fail: (p: string) => never): Buffer {
  const bytes = typeof value === 'string' ? decodeBase64url(value) : undefined;
  return bytes ?? fail(`JWK member "${name}" must be canonical base64url`);
}

function publicKey(
  kty: unknown,
  own: (name: string) => unknown,
  fail: (p: string) => never,
): KeyObject {
  let jwk: JsonWebKey;
  if (kty === 'RSA') {
    const n = member(own('n'), 'n', fail);
    const e = member(own('e'), 'e', fail);
    // Base64urlUInt uses the minimum number of octets (RFC 7518 §2).
    if (n[0] === 0 || e[0] === 0 || e.length === 0)
      fail('RSA "n"/"e" must be minimal unsigned integers');
    jwk = { kty, n: own('n') as string, e: own('e') as string };
  } else if (kty === 'EC') {
    const crv = own('crv');
    const size =
      typeof crv === 'string' && Object.hasOwn(COORDINATE_BYTES, crv) ? COORDINATE_BYTES[crv] : 0;
    if (!size) fail('an EC JWK "crv" must be P-256, P-384 or P-521');
    if (
      member(own('x'), 'x', fail).length !== size ||
      member(own('y'), 'y', fail).length !== size
    ) {
      fail(`EC "x"/"y" must be ${size} bytes for ${crv as string}`);
    }
    jwk = { kty, crv: crv as string, x: own('x') as string, y: own('y') as string };
  } else if (kty === 'OKP') {
    if (own('crv') !== 'Ed25519')
      fail('an OKP JWK must use "crv" Ed25519 (EdDSA accepts only Ed25519)');
    if (member(own('x'), 'x', fail).length !== 32) fail('Ed25519 "x" must be 32 bytes');
    jwk = { kty, crv: 'Ed25519', x: own('x') as string };
  } else {
    return fail(`unsupported JWK "kty" ${JSON.stringify(String(kty).slice(0, 20))}`);
  }
  try {
    return createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    // Off-curve points and other invalid material (ERR_CRYPTO_INVALID_JWK).
    return fail(`the ${kty} JWK is not a valid public key`);
  }
}
