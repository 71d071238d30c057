import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { JwtError } from '../errors/jwt-error.js';
import { algorithmSpec, type AlgorithmSpec } from '../lib/algorithm-table.js';
import type { Algorithm } from '../types/algorithm.js';
import { hasRocaFingerprint } from './roca.js';

/**
 * The error for a key that cannot serve its algorithm. The message names the option and the
 * problem, never the key material.
 *
 * @param option - the option path, e.g. `key` or `key.keys[2]`
 * @param problem - what is wrong with the key
 */
export function keyError(option: string, problem: string): JwtError {
  return new JwtError('ERR_JWT_KEY_INVALID', `Invalid option "${option}": ${problem}`);
}

/**
 * Why an HMAC secret must not be used with `alg`, or `undefined` when it may: at least the hash
 * size (RFC 7518 §3.2), and never something that looks like a public key (PEM, JWK, DER,
 * OpenSSH), which is how RS→HS key confusion reaches a verifier.
 */
export function hmacSecretProblem(secret: Uint8Array, alg: Algorithm): string | undefined {
  const spec = algorithmSpec(alg);
  if (spec?.family !== 'HMAC') return `${alg} does not use an HMAC secret`;
  const text = Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength)
    .toString('latin1')
    .trim();
  if (text.includes('-----BEGIN')) return 'an HMAC secret must not be a PEM key';
  if (text.startsWith('{') && isJsonObject(text)) {
    return 'an HMAC secret must not be a JWK or other JSON';
  }
  if (text.startsWith('ssh-') || text.startsWith('ecdsa-sha2-')) {
    return 'an HMAC secret must not be an OpenSSH key';
  }
  if (secret[0] === 0x30 && isDerKey(secret)) return 'an HMAC secret must not be a DER-encoded key';
  if (secret.byteLength < spec.hashBytes) {
    return `an ${alg} secret must be at least ${spec.hashBytes} bytes (got ${secret.byteLength})`;
  }
  return undefined;
}

/**
 * Throws `ERR_JWT_KEY_INVALID` naming `option` unless `secret` may serve `alg`.
 *
 * @param secret - the secret bytes
 * @param alg - an HMAC algorithm
 * @param option - the option path for the message
 */
export function checkHmacSecret(secret: Uint8Array, alg: Algorithm, option: string): void {
  const problem = hmacSecretProblem(secret, alg);
  if (problem !== undefined) throw keyError(option, problem);
}

/**
 * Why `key` must not be used with `alg`, or `undefined` when it may. Works for secret, public and
 * private keys: RSA ≥ 2048 bits with odd e ≥ 3, the EC curve pinned by the alg, EdDSA only with
 * Ed25519, HMAC secrets per {@link hmacSecretProblem}.
 */
export function keyProblem(key: KeyObject, alg: Algorithm): string | undefined {
  const spec = algorithmSpec(alg);
  if (spec === undefined) return `${String(alg)} is not a supported algorithm`;
  if (spec.family === 'HMAC') {
    if (key.type !== 'secret') return `${alg} needs an HMAC secret, not a ${key.type} key`;
    return hmacSecretProblem(key.export(), alg);
  }
  if (key.type === 'secret') return `${alg} needs an asymmetric key, not an HMAC secret`;
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  switch (spec.family) {
    case 'RSA':
    case 'RSA-PSS':
      if (type === 'rsa-pss' && spec.family === 'RSA-PSS') return pssKeyProblem(key, details, spec);
      if (type !== 'rsa') return `${alg} needs an RSA key, not ${type ?? 'an unknown'} key`;
      return rsaProblem(key, details);
    case 'EC':
      if (type !== 'ec') return `${alg} needs an EC key, not ${type ?? 'an unknown'} key`;
      if (details.namedCurve !== spec.curve) return `${alg} needs a ${spec.crv} key`;
      return undefined;
    default:
      if (type !== 'ed25519') return `${alg} accepts only Ed25519 keys, not ${type ?? 'unknown'}`;
      return undefined;
  }
}

/**
 * Throws `ERR_JWT_KEY_INVALID` naming `option` unless `key` may serve `alg` (see
 * {@link keyProblem}). Accepts secret, public and private `KeyObject`s.
 *
 * @param key - the key to check
 * @param alg - the algorithm it is meant for
 * @param option - the option path for the message, e.g. `key`
 * @example
 * ```ts
 * checkKeyForAlgorithm(createPublicKey(pem), 'RS256', 'key');
 * ```
 */
export function checkKeyForAlgorithm(key: KeyObject, alg: Algorithm, option: string): void {
  const problem = keyProblem(key, alg);
  if (problem !== undefined) throw keyError(option, problem);
}

type KeyDetails = NonNullable<KeyObject['asymmetricKeyDetails']>;

function rsaProblem(key: KeyObject, details: KeyDetails): string | undefined {
  const bits = details.modulusLength ?? 0;
  if (bits < 2048) return `an RSA key must be at least 2048 bits (got ${bits})`;
  const e = details.publicExponent ?? 0n;
  if (e < 3n || e % 2n === 0n) return 'an RSA public exponent must be odd and at least 3';
  if (hasRocaFingerprint(rsaModulus(key)))
    return 'the RSA key has the ROCA weakness (CVE-2017-15361)';
  return undefined;
}

// Memoized: the same KeyObject is checked once per algorithm of its family.
const moduli = new WeakMap<KeyObject, bigint>();
function rsaModulus(key: KeyObject): bigint {
  let n = moduli.get(key);
  if (n === undefined) {
    const { n: encoded } = rsaKey(key).export({ format: 'jwk' });
    n = BigInt(`0x${Buffer.from(encoded ?? '', 'base64url').toString('hex') || '0'}`);
    moduli.set(key, n);
  }
  return n;
}

function pssKeyProblem(
  key: KeyObject,
  details: KeyDetails,
  spec: AlgorithmSpec,
): string | undefined {
  const hashOk = details.hashAlgorithm === undefined || details.hashAlgorithm === spec.hash;
  const mgfOk = details.mgf1HashAlgorithm === undefined || details.mgf1HashAlgorithm === spec.hash;
  const saltOk = details.saltLength === undefined || details.saltLength <= spec.hashBytes;
  if (!hashOk || !mgfOk || !saltOk) return `the RSA-PSS key parameters do not fit ${spec.alg}`;
  return rsaProblem(key, details);
}

// node:crypto cannot export RSA-PSS keys as JWK: rewrap the SPKI's RSAPublicKey as a plain RSA key.
function rsaKey(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'rsa-pss') return key;
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const der = pub.export({ format: 'der', type: 'spki' });
  let pos = 0;
  const header = (): number => {
    pos += 1; // tag
    const first = der[pos++] as number;
    if (first < 0x80) return first;
    let length = 0;
    for (let i = 0; i < (first & 0x7f); i++) length = length * 256 + (der[pos++] as number);
    return length;
  };
  header(); // SubjectPublicKeyInfo SEQUENCE
  const algorithmIdentifier = header();
  pos += algorithmIdentifier;
  header(); // BIT STRING
  return createPublicKey({ key: der.subarray(pos + 1), format: 'der', type: 'pkcs1' });
}

// Whether text is a JSON object (a JWK pasted as a secret). Only a parse tells: a random secret
// starts with `{` once in 256 and must not be refused for it.
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

// Whether bytes parse as a DER public key, PKCS#1 RSA public key or X.509 certificate.
function isDerKey(bytes: Uint8Array): boolean {
  const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      createPublicKey({ key, format: 'der', type });
      return true;
    } catch {
      // not this encoding
    }
  }
  try {
    new X509Certificate(key);
    return true;
  } catch {
    return false;
  }
}
