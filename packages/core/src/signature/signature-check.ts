import type { KeyObject } from 'node:crypto';
import type { AlgorithmSpec } from '../lib/algorithm-table.js';
import { asymmetricCheck } from './asymmetric-check.js';
import { hmacCheck } from './hmac-check.js';

/**
 * Verifies one signature over the signing input (`header.payload`); never throws. Gets the
 * signature both as its (canonical) base64url segment and decoded.
 */
export type SignatureCheck = (
  signingInput: string,
  signatureSegment: string,
  signature: Buffer,
) => boolean;

/**
 * Builds the signature check for one key and algorithm, everything fixed up front: exact
 * signature lengths, HMAC with a constant-time compare, RSA PKCS#1 v1.5, PSS with salt = hash
 * length, ECDSA raw R‖S (`ieee-p1363`), Ed25519. The key must already have passed
 * `checkKeyForAlgorithm` (which pins the EC curve and refuses weak keys).
 *
 * @param key - a checked secret or public key
 * @param spec - the algorithm
 */
export function createSignatureCheck(key: KeyObject, spec: AlgorithmSpec): SignatureCheck {
  return spec.family === 'HMAC' ? hmacCheck(key, spec) : asymmetricCheck(key, spec);
}
