import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  KeyObject,
  type JsonWebKey,
} from 'node:crypto';
import { checkHmacSecret, checkKeyForAlgorithm, keyError } from '../keys/check-key.js';
import { algorithmSpec } from '../lib/algorithm-table.js';
import { decodeBase64url } from '../lib/base64url.js';
import type { Algorithm } from '../types/algorithm.js';
import type { SigningKeyInput } from './signer-types.js';

const OPTION = 'key';

function fail(problem: string): never {
  throw keyError(OPTION, problem);
}

function isPublicPem(pem: string): boolean {
  try {
    createPublicKey(pem);
    return !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem);
  } catch {
    return false;
  }
}

function fromPem(pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    if (isPublicPem(pem)) return fail('a public key cannot sign; pass the private key');
    return fail('must be a PEM private key (PKCS#8, PKCS#1 or SEC1) for this algorithm');
  }
}

function fromJwk(jwk: Record<string, unknown>, alg: Algorithm): KeyObject {
  const own = (name: string): unknown => (Object.hasOwn(jwk, name) ? jwk[name] : undefined);
  const pinned = own('alg');
  if (pinned !== undefined && pinned !== alg) fail('the JWK "alg" does not match "algorithm"');
  const use = own('use');
  if (use !== undefined && use !== 'sig') fail('the JWK "use" must be "sig"');
  const ops = own('key_ops');
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('sign'))) {
    fail('the JWK "key_ops" must include "sign"');
  }
  if (own('kty') === 'oct') {
    const k = own('k');
    const bytes = typeof k === 'string' ? decodeBase64url(k) : undefined;
    if (bytes === undefined) return fail('the JWK "k" must be canonical base64url');
    return createSecretKey(bytes);
  }
  if (own('d') === undefined) fail('a public JWK cannot sign; pass the private JWK');
  try {
    return createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch {
    return fail('the JWK is not a usable private key');
  }
}

/**
 * Turns the signer's `key` option into a checked private or secret `KeyObject` for `alg`, with
 * the verifier's key rules (HMAC size and no PEM/JWK-looking secrets, RSA ≥ 2048 with odd e ≥ 3,
 * the curve of the alg, Ed25519 only). Throws `ERR_JWT_KEY_INVALID` naming `key`.
 *
 * @param input - the `key` option
 * @param alg - the signer's algorithm
 * @example
 * ```ts
 * const keyObject = importSigningKey(pem, 'RS256');
 * ```
 */
export function importSigningKey(input: SigningKeyInput, alg: Algorithm): KeyObject {
  const hmac = algorithmSpec(alg)?.family === 'HMAC';
  let key: KeyObject;
  if (input instanceof KeyObject) {
    if (input.type === 'public') fail('a public key cannot sign; pass the private key');
    key = input;
  } else if (typeof input === 'string' || input instanceof Uint8Array) {
    if (hmac) {
      const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
      checkHmacSecret(bytes, alg, OPTION);
      key = createSecretKey(Buffer.from(bytes)); // a copy: later changes to the input do not leak in
    } else if (typeof input === 'string') {
      key = fromPem(input);
    } else {
      return fail(
        'bytes are an HMAC secret; pass a PEM string, KeyObject or JWK for this algorithm',
      );
    }
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    key = fromJwk(input as Record<string, unknown>, alg);
  } else {
    return fail('must be a secret (string or bytes), a PEM private key, a KeyObject or a JWK');
  }
  checkKeyForAlgorithm(key, alg, OPTION);
  return key;
}
