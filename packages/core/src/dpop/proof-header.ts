import { hash } from 'node:crypto';
import { normalizeTyp } from '../claims/typ.js';
import { JwtError } from '../errors/jwt-error.js';
import { importJwk } from '../keys/import-jwk.js';
import { algorithmSpec } from '../lib/algorithm-table.js';
import { decodeJsonSegment } from '../lib/decode-json-segment.js';
import { memoizeRecent } from '../lib/memoize-recent.js';
import { signatureLength } from '../signature/asymmetric-check.js';
import { createSignatureCheck, type SignatureCheck } from '../signature/signature-check.js';
import type { Algorithm } from '../types/algorithm.js';
import type { Jwk } from '../types/key-input.js';
import { thumbprintInput } from './jwk-thumbprint.js';

/** A proof header that passed its checks, with the signature check of its key (internal). */
export interface ProofHeader {
  readonly alg: Algorithm;
  readonly check: SignatureCheck;
  /** RFC 7638 thumbprint of the key. */
  readonly jkt: string;
  /** The public key: the RFC 7638 required members only, frozen. */
  readonly jwk: Readonly<Jwk>;
  /**
   * A buffer of the one signature length this key makes, for the decoded signature of each proof
   * (checks are synchronous, so one buffer serves them all).
   */
  readonly signature: Buffer;
}

// Private members of RSA/EC/OKP keys, and the secret of an oct key (RFC 7518 §6, RFC 8037 §2).
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function invalid(cause?: unknown): JwtError {
  return new JwtError('ERR_DPOP_PROOF_INVALID', undefined, cause === undefined ? {} : { cause });
}

/**
 * Checks a proof's protected header, in RFC 9449 §4.3 order: strict JSON object; `typ`
 * `dpop+jwt`; no `crit`; `alg` in the allow-list; `jwk` a public key (no private member) of a type
 * that serves `alg` (the same key checks as configured keys: RSA ≥ 2048, curve pinned, Ed25519
 * only). Throws `ERR_DPOP_PROOF_INVALID`.
 *
 * @param segment - the base64url header segment
 * @param algorithms - the proof algorithm allow-list
 */
export function checkProofHeader(segment: string, algorithms: ReadonlySet<string>): ProofHeader {
  let header: Record<string, unknown>;
  try {
    header = decodeJsonSegment(segment);
  } catch (err) {
    throw invalid(err);
  }
  const { typ, alg, jwk } = header;
  if (typeof typ !== 'string' || normalizeTyp(typ) !== 'application/dpop+jwt') throw invalid();
  if (header.crit !== undefined || header.b64 !== undefined) throw invalid();
  const spec = algorithmSpec(alg);
  if (spec === undefined || spec.family === 'HMAC' || !algorithms.has(alg as string)) {
    throw invalid();
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw invalid();
  if (PRIVATE_MEMBERS.some((name) => Object.hasOwn(jwk, name))) throw invalid();
  const input = thumbprintInput(jwk);
  if (input === undefined) throw invalid();
  let check: SignatureCheck;
  let length: number;
  try {
    const key = importJwk(jwk, { option: 'jwk', allowOct: false });
    if (!key.algorithms.has(spec.alg)) throw invalid();
    check = createSignatureCheck(key.keyObject, spec);
    length = signatureLength(key.keyObject, spec);
  } catch (err) {
    throw invalid(err);
  }
  return {
    alg: spec.alg,
    check,
    jkt: hash('sha256', input, 'base64url'),
    jwk: Object.freeze(JSON.parse(input) as Jwk),
    signature: Buffer.allocUnsafeSlow(length),
  };
}

/**
 * {@link checkProofHeader} behind a bounded cache keyed by the exact segment: a client sends the
 * same header (`typ`, `alg`, `jwk`) on every proof, so the key is imported once.
 *
 * @param algorithms - the proof algorithm allow-list
 * @param max - most headers kept
 */
export function cachedProofHeaders(
  algorithms: ReadonlySet<string>,
  max = 1000,
): (segment: string) => ProofHeader {
  return memoizeRecent((segment) => checkProofHeader(segment, algorithms), max);
}
