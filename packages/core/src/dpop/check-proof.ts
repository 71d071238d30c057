import { hash } from 'node:crypto';
import { JwtError } from '../errors/jwt-error.js';
import { decodeShortBase64urlInto } from '../lib/base64url.js';
import { decodeJsonBytes } from '../lib/decode-json-segment.js';
import { isThenable } from '../lib/is-thenable.js';
import type { Algorithm } from '../types/algorithm.js';
import type { Jwk } from '../types/key-input.js';
import type { ProofSettings } from './dpop-options.js';
import { accessTokenHash } from './access-token-hash.js';
import { normaliseHtu } from './htu.js';
import { cachedProofHeaders } from './proof-header.js';
import type { ReplayStore } from './replay-store.js';

/**
 * The claims of a verified DPoP proof (RFC 9449 §4.2).
 *
 * @example
 * ```ts
 * const { jti, htm, htu, iat }: DpopProofClaims = proof.claims;
 * ```
 */
export interface DpopProofClaims {
  /** Unique id of the proof. */
  readonly jti: string;
  /** HTTP method of the request the proof was made for. */
  readonly htm: string;
  /** URL of the request the proof was made for, without query and fragment. */
  readonly htu: string;
  /** Creation time, NumericDate seconds. */
  readonly iat: number;
  /** base64url SHA-256 of the access token, when one is sent with the proof. */
  readonly ath?: string;
  /** The server nonce, when one was required. */
  readonly nonce?: string;
  /** Any other claim. */
  readonly [claim: string]: unknown;
}

/**
 * A DPoP proof that passed its checks: the key that signed it and its claims.
 *
 * @example
 * ```ts
 * const proof: DpopProof = await verifyDpopProof(header, { method: 'POST', url });
 * const token = await signer.sign({ sub: 'alice' }, { dpopJkt: proof.jkt });
 * ```
 */
export interface DpopProof {
  /** RFC 7638 thumbprint of the proof key: the `cnf.jkt` a token bound to it carries. */
  readonly jkt: string;
  /** The public key (its RFC 7638 required members), frozen. */
  readonly jwk: Readonly<Jwk>;
  /** The proof's algorithm. */
  readonly alg: Algorithm;
  /** The proof's claims, frozen. */
  readonly claims: DpopProofClaims;
}

/** What a proof must match (internal). */
export interface ProofRequest {
  /** The request method. */
  readonly method: string;
  /** The normalised request URL (see `requestHtu`). */
  readonly htu: string;
  /** The access token sent with the proof, whose hash `ath` must be. */
  readonly accessToken?: string | undefined;
  /** Milliseconds since the epoch. */
  readonly now: number;
  /** Seconds added to the `iat` window on both sides. */
  readonly clockTolerance: number;
}

/**
 * The stateless checks of a proof (internal): throws `ERR_DPOP_PROOF_INVALID`. The result is not
 * frozen (see `createProofChecker`).
 */
export type ProofChecker = (proof: string, req: ProofRequest) => DpopProof;

const MAX_JTI_LENGTH = 256;

function invalid(): never {
  throw new JwtError('ERR_DPOP_PROOF_INVALID');
}

/**
 * Builds the stateless proof checks of RFC 9449 §4.3, in order: length cap; three canonical
 * base64url segments; the header (`typ`, `alg`, `jwk`, see `checkProofHeader`); the signature;
 * the claims' types; `htm`; `htu` (RFC 3986 §6 normal form, no query or fragment); `iat` within
 * the window; `ath` when an access token is sent. The replay check is {@link recordProof}.
 *
 * @param settings - allow-list, window and length cap
 */
export function createProofChecker(settings: ProofSettings): ProofChecker {
  const headers = cachedProofHeaders(settings.algorithms);
  // The decoded claims of the proof being checked (checks are synchronous: one buffer serves all).
  const claimBytes = Buffer.allocUnsafeSlow((settings.maxProofLength * 3) >>> 2);
  return (proof, req) => {
    if (proof.length > settings.maxProofLength) invalid();
    const dot1 = proof.indexOf('.');
    const dot2 = proof.indexOf('.', dot1 + 1);
    if (dot1 < 1 || dot2 < 0 || dot2 === dot1 + 1 || proof.indexOf('.', dot2 + 1) !== -1) invalid();
    // Every character is checked by the segment's decoder (a cached header passed its own
    // decoding), so the signing input below is ASCII. Decoded in JavaScript: see
    // decodeShortBase64urlInto.
    const header = headers(proof.slice(0, dot1));
    const claimLength = decodeShortBase64urlInto(proof.slice(dot1 + 1, dot2), claimBytes);
    const signatureSegment = proof.slice(dot2 + 1);
    if (
      claimLength === -1 ||
      decodeShortBase64urlInto(signatureSegment, header.signature) !== header.signature.length ||
      !header.check(proof.slice(0, dot2), signatureSegment, header.signature)
    ) {
      invalid();
    }
    let claims: Record<string, unknown>;
    try {
      claims = decodeJsonBytes(claimBytes.subarray(0, claimLength));
    } catch {
      return invalid();
    }
    const { jti, htm, htu, iat, ath, nonce } = claims;
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_LENGTH) invalid();
    if (typeof htm !== 'string' || typeof htu !== 'string' || typeof iat !== 'number') invalid();
    if (
      (ath !== undefined && typeof ath !== 'string') ||
      (nonce !== undefined && typeof nonce !== 'string')
    ) {
      invalid();
    }
    if (htm !== req.method) invalid();
    // A client usually sends the URL in its normal form already: no URL parsing then.
    if (htu !== req.htu && normaliseHtu(htu as string) !== req.htu) invalid();
    const slack = settings.iatWindow + req.clockTolerance;
    if (Math.abs(req.now / 1000 - (iat as number)) > slack) invalid();
    if (req.accessToken !== undefined && ath !== accessTokenHash(req.accessToken)) invalid();
    // Not frozen here: the authenticator never hands these claims out, and a freeze per proof is
    // time for nothing. verifyDpopProof freezes what it hands out.
    return { jkt: header.jkt, jwk: header.jwk, alg: header.alg, claims: claims as DpopProofClaims };
  };
}

/**
 * The replay check (RFC 9449 §11.1): records the proof's key and `jti` until its `iat` window
 * closes. Refuses a proof seen before with `ERR_DPOP_REPLAYED`; a store that fails is
 * `ERR_DPOP_REPLAY_UNAVAILABLE` (503, fail closed). Synchronous when the store is.
 *
 * @param replay - the store
 * @param proof - a proof that passed the stateless checks
 * @param windowSeconds - the `iat` window plus clock tolerance, in seconds
 * @param now - milliseconds since the epoch
 */
export function recordProof(
  replay: ReplayStore,
  proof: DpopProof,
  windowSeconds: number,
  now: number,
): void | Promise<void> {
  // One fixed-length id per (key, jti): ids of other keys cannot collide with a client's.
  const id = hash('sha256', `${proof.jkt}.${proof.claims.jti}`, 'base64url');
  const expiresAt = Math.ceil((proof.claims.iat + windowSeconds) * 1000);
  let fresh: boolean | Promise<boolean>;
  try {
    fresh = replay.markUsed(id, expiresAt, now);
  } catch (err) {
    throw unavailable(err);
  }
  if (isThenable(fresh)) {
    return Promise.resolve(fresh).then(
      (value) => {
        if (value !== true) throw new JwtError('ERR_DPOP_REPLAYED');
      },
      (err: unknown) => {
        throw unavailable(err);
      },
    );
  }
  if (fresh !== true) throw new JwtError('ERR_DPOP_REPLAYED');
}

function unavailable(err: unknown): JwtError {
  if (err instanceof JwtError && err.code === 'ERR_DPOP_REPLAY_UNAVAILABLE') return err;
  return new JwtError('ERR_DPOP_REPLAY_UNAVAILABLE', undefined, { cause: err, retryAfter: 1 });
}
