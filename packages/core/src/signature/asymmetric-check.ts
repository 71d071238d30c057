import { constants, verify, type KeyObject, type VerifyKeyObjectInput } from 'node:crypto';
import type { AlgorithmSpec } from '../lib/algorithm-table.js';
import type { SignatureCheck } from './signature-check.js';

/**
 * RSA PKCS#1 v1.5, RSA-PSS, ECDSA and Ed25519 verification with node:crypto, avoiding its traps:
 * the exact signature length (RSA: the modulus size; ECDSA 64/96/132; Ed25519 64), PSS salt
 * pinned to the hash length (the default accepts any salt), ECDSA in raw R‖S form (the default is
 * DER). Any crypto exception counts as an invalid signature.
 *
 * @param key - a public key checked for `spec.alg`
 * @param spec - the algorithm
 */
export function asymmetricCheck(key: KeyObject, spec: AlgorithmSpec): SignatureCheck {
  const length = signatureLength(key, spec);
  const input: VerifyKeyObjectInput & { saltLength?: number; dsaEncoding?: 'ieee-p1363' } = {
    key,
  };
  if (spec.family === 'RSA-PSS') {
    input.padding = constants.RSA_PKCS1_PSS_PADDING;
    input.saltLength = spec.hashBytes;
  }
  if (spec.family === 'EC') input.dsaEncoding = 'ieee-p1363';
  const hash = spec.family === 'OKP' ? null : spec.hash;
  // PKCS#1 v1.5 is the default padding of an RSA key: the bare key skips option parsing per call.
  const keyArgument = spec.family === 'RSA' || spec.family === 'OKP' ? key : input;
  return (signingInput, _segment, signature) => {
    if (signature.length !== length) return false;
    try {
      return verify(hash, asciiBytes(signingInput), keyArgument, signature);
    } catch {
      return false;
    }
  };
}

/**
 * The only signature length `key` can produce with `spec`: fixed for ECDSA and Ed25519, the
 * modulus size in bytes for RSA.
 *
 * @param key - a public key checked for `spec.alg`
 * @param spec - an asymmetric algorithm
 */
export function signatureLength(key: KeyObject, spec: AlgorithmSpec): number {
  return spec.signatureBytes ?? Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
}

// The signing input is ASCII (two checked base64url segments and a dot): written into one reused
// buffer rather than a new one per token, since the check is synchronous. Inputs beyond the
// buffer's cap get their own.
const SCRATCH_CAP = 16 * 1024;
let scratch = Buffer.allocUnsafeSlow(1024);

function asciiBytes(text: string): Buffer {
  if (text.length > scratch.length) {
    if (text.length > SCRATCH_CAP) return Buffer.from(text, 'latin1');
    scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_CAP, text.length * 2));
  }
  return scratch.subarray(0, scratch.write(text, 0, 'latin1'));
}
