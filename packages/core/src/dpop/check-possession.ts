import type { RequestView } from '../auth/request-view.js';
import { JwtError } from '../errors/jwt-error.js';
import { countRawHeader } from '../lib/count-raw-header.js';
import { memoizeRecent } from '../lib/memoize-recent.js';
import type { DpopChallenge } from '../errors/http-answer.js';
import type { ExtractedToken } from '../extract/create-token-extractor.js';
import type { JwtClaims } from '../types/claims.js';
import { createProofChecker, recordProof } from './check-proof.js';
import type { DpopConfig } from './dpop-options.js';
import { requestHtu } from './htu.js';
import { MemoryReplayStore } from './memory-replay-store.js';

/**
 * How a verified token was bound to its sender, when it was: to a DPoP proof key (RFC 9449) or to
 * the TLS client certificate (RFC 8705; reported only when no DPoP proof was used).
 *
 * @example
 * ```ts
 * if (result.authenticated && result.confirmation?.method === 'dpop') log(result.confirmation.jkt);
 * ```
 */
export type Confirmation =
  | { readonly method: 'dpop'; readonly jkt: string }
  | { readonly method: 'mtls'; readonly x5tS256: string };

/** A passed proof-of-possession check (internal). */
export interface Possession {
  readonly confirmation: Confirmation;
  /** Response headers for the success: `DPoP-Nonce` when the client's nonce is about to expire. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The proof-of-possession step (internal): after the token's own verification, before
 * authorization. Returns the possession (or `undefined` for an unbound token accepted as
 * Bearer), or a promise of it when the replay store has to be waited for.
 */
export type PossessionCheck = (
  req: RequestView,
  found: ExtractedToken,
  claims: JwtClaims,
) => Possession | undefined | Promise<Possession>;

// The confirmation of a key, one frozen object per recent key. A frozen object made per request
// gets a hidden class that dies at a full GC when no request holds one, and the next one made
// changes the type V8 recorded for the result's `confirmation`, which throws the compiled request
// path away (Node 24: "dependent field type changed").
const confirmationOf = memoizeRecent(
  (jkt: string): Confirmation => Object.freeze({ method: 'dpop', jkt }),
  1000,
);

function boundKey(claims: JwtClaims): unknown {
  const cnf = claims.cnf;
  return typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>).jkt : undefined;
}

/**
 * Builds the proof-of-possession step for the `dpop` option (RFC 9449 §7). A token bound to a
 * key (`cnf.jkt`) must come with `Authorization: DPoP` in every mode; in `required` mode every
 * token must. A DPoP request must carry exactly one `DPoP` header with a proof that passes
 * `createProofChecker` for this request and access token, whose key thumbprint is the token's
 * `cnf.jkt`, and whose `jti` is new to the replay store.
 *
 * @param config - the checked `dpop` option
 * @param clock - the verifier's clock (milliseconds)
 * @param clockTolerance - the verifier's clock tolerance (seconds)
 */
export function createPossessionCheck(
  config: DpopConfig,
  clock: () => number,
  clockTolerance: number,
): PossessionCheck {
  const { mode, nonces } = config;
  const check = mode === 'off' ? undefined : createProofChecker(config);
  const replay = config.replay ?? new MemoryReplayStore();
  const windowSeconds = config.iatWindow + clockTolerance;
  return (req, found, claims) => {
    const jkt = boundKey(claims);
    if (found.scheme !== 'DPoP' || check === undefined) {
      if (jkt !== undefined || mode === 'required') {
        throw new JwtError('ERR_DPOP_BINDING_MISMATCH');
      }
      return undefined;
    }
    const value = req.headers['dpop'];
    if (typeof value !== 'string' || countRawHeader(req.rawHeaders, 'dpop') > 1) {
      throw new JwtError('ERR_DPOP_PROOF_INVALID');
    }
    const htu = requestHtu(req, config.publicUrl);
    if (htu === undefined) throw new JwtError('ERR_DPOP_PROOF_INVALID');
    const now = clock();
    const proof = check(value, {
      method: req.method,
      htu,
      accessToken: found.token,
      now,
      clockTolerance,
    });
    // A nonce in its last window is still good; the client gets the next one with the answer.
    const nextNonce =
      nonces?.check(proof.claims.nonce, now) === true ? nonces.current(now) : undefined;
    if (typeof jkt !== 'string' || jkt !== proof.jkt) {
      throw new JwtError('ERR_DPOP_BINDING_MISMATCH');
    }
    const confirmation = confirmationOf(jkt);
    const possession: Possession =
      nextNonce === undefined
        ? { confirmation }
        : { confirmation, headers: Object.freeze({ 'DPoP-Nonce': nextNonce }) };
    const recorded = recordProof(replay, proof, windowSeconds, now);
    return recorded === undefined ? possession : recorded.then(() => possession);
  };
}

/**
 * The challenge description for errors of an authenticator with DPoP on, or `undefined` when it
 * is off (Bearer challenges only). With server nonces on, every challenge carries a fresh one
 * (`DPoP-Nonce`).
 *
 * @param config - the checked `dpop` option
 * @param req - the request, when the error belongs to one
 * @param clock - the verifier's clock (milliseconds)
 */
export function dpopChallenge(
  config: DpopConfig,
  req: RequestView | undefined,
  clock: () => number,
): DpopChallenge | undefined {
  if (config.mode === 'off') return undefined;
  const authorization = req?.headers['authorization'];
  const usedDpop = typeof authorization === 'string' && /^dpop /i.test(authorization);
  const challenge = { algs: config.algs, bearer: config.mode === 'allowed', usedDpop };
  return config.nonces === undefined
    ? challenge
    : { ...challenge, nonce: config.nonces.current(clock()) };
}
