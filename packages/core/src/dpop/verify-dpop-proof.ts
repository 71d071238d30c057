import { configError, JwtError } from '../errors/jwt-error.js';
import { createProofChecker, recordProof, type DpopProof } from './check-proof.js';
import { createDpopNonces, type DpopNonceOptions, type DpopNonces } from './dpop-nonces.js';
import { readProofSettings, type DpopOptions } from './dpop-options.js';
import { normaliseHtu } from './htu.js';
import type { ReplayStore } from './replay-store.js';
import { checkOptionNames } from '../config/check-option-names.js';

/**
 * Options of {@link verifyDpopProof}: the request the proof must be made for, and how it is
 * checked.
 *
 * @example
 * ```ts
 * const options: VerifyDpopProofOptions = {
 *   method: 'POST',
 *   url: 'https://api.example.com/auth/login',
 *   replay: new MemoryReplayStore(),
 * };
 * ```
 */
export interface VerifyDpopProofOptions extends Pick<
  DpopOptions,
  'algorithms' | 'iatWindow' | 'maxProofLength'
> {
  /** The request method (`htm`). */
  method: string;
  /** The absolute request URL (`htu`); its query and fragment are ignored. */
  url: string;
  /** The access token sent with the proof: `ath` must be its hash. Absent at a login route. */
  accessToken?: string;
  /** The thumbprint the proof key must have (`cnf.jkt` of a bound token). */
  jkt?: string;
  /** Where proof ids are remembered; without it, the proof may be replayed within its window. */
  replay?: ReplayStore;
  /** Seconds of clock skew allowed on top of `iatWindow`. Default 0, at most 300. */
  clockTolerance?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /**
   * Server nonces (RFC 9449 §8), the same option as `dpop.nonce` (share the secret with the
   * resource servers to use one nonce for both): the proof must carry a current nonce, or the call
   * fails with `ERR_DPOP_NONCE_REQUIRED`, whose `dpop.nonce` is the nonce to send back
   * (`DPoP-Nonce`).
   */
  nonce?: DpopNonceOptions;
}

/**
 * A verified proof from {@link verifyDpopProof}: with server nonces on, `nextNonce` is a fresh
 * nonce to send as `DPoP-Nonce` when the one the client used is about to expire.
 *
 * @example
 * ```ts
 * const proof: VerifiedDpopProof = await verifyDpopProof(header, { method: 'POST', url, nonce });
 * if (proof.nextNonce !== undefined) res.setHeader('DPoP-Nonce', proof.nextNonce);
 * ```
 */
export interface VerifiedDpopProof extends DpopProof {
  /** A new server nonce for the client's next proof, when its current one is in its last window. */
  readonly nextNonce?: string;
}

/** The option names of {@link VerifyDpopProofOptions}, one list (for unknown-option checks). */
export const VERIFY_DPOP_PROOF_OPTION_NAMES = [
  'method',
  'url',
  'accessToken',
  'jkt',
  'replay',
  'clockTolerance',
  'clock',
  'algorithms',
  'iatWindow',
  'maxProofLength',
  'nonce',
] as const;

// Nonce issuers by options object: an app passes the same object on every call.
const nonceIssuers = new WeakMap<DpopNonceOptions, DpopNonces>();

function noncesFor(options: DpopNonceOptions | undefined): DpopNonces | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) configError('nonce', 'must be an object');
  let nonces = nonceIssuers.get(options);
  if (nonces === undefined)
    nonceIssuers.set(options, (nonces = createDpopNonces(options, 'nonce')));
  return nonces;
}

function requestUrl(url: unknown): string {
  if (typeof url !== 'string') configError('url', 'must be the absolute request URL');
  const cut = url.search(/[?#]/);
  const normal = normaliseHtu(cut === -1 ? url : url.slice(0, cut));
  return normal ?? configError('url', 'must be an absolute http(s) URL');
}

/**
 * Verifies one DPoP proof (RFC 9449 §4.3) outside the authenticate step, e.g. at a login route
 * that binds the token it issues to the client's key (`sign(claims, { dpopJkt: proof.jkt })`).
 * Checks, in order: one proof string within the size cap; `typ` `dpop+jwt`; `alg` in the
 * allow-list (asymmetric only); `jwk` a public key that fits `alg`; the signature; `htm`;
 * `htu` (RFC 3986 §6 normal form, no query or fragment); `iat` within the window; `ath` when an
 * access token is given; the thumbprint when `jkt` is given; the server nonce (with `nonce`);
 * `jti` unused (with `replay`).
 *
 * @param proof - the `DPoP` header value (`req.headers.dpop`); a list or nothing is refused
 * @param options - the request (method, URL, access token) and the checks' settings
 * @returns the proof key's thumbprint, public key and the claims (and `nextNonce`, see
 *   {@link VerifiedDpopProof})
 * @throws JwtError `ERR_DPOP_PROOF_INVALID`, `ERR_DPOP_BINDING_MISMATCH`, `ERR_DPOP_NONCE_REQUIRED`
 *   (with the nonce to retry with in `dpop.nonce`), `ERR_DPOP_REPLAYED`,
 *   `ERR_DPOP_REPLAY_UNAVAILABLE` (rejections); `ERR_JWT_CONFIG_INVALID` for bad options
 * @example
 * ```ts
 * import { createSigner, MemoryReplayStore, verifyDpopProof } from '@tokenward/core';
 *
 * const replay = new MemoryReplayStore();
 * const signer = createSigner({ algorithm: 'HS256', key: 'a-secret-of-at-least-thirty-two-bytes!!' });
 * async function login(dpopHeader: string | undefined): Promise<string> {
 *   const proof = await verifyDpopProof(dpopHeader, {
 *     method: 'POST',
 *     url: 'https://api.example.com/auth/login',
 *     replay,
 *   });
 *   return signer.sign({ sub: 'alice' }, { dpopJkt: proof.jkt });
 * }
 * void login;
 * ```
 */
export async function verifyDpopProof(
  proof: unknown,
  options: VerifyDpopProofOptions,
): Promise<VerifiedDpopProof> {
  if (typeof options !== 'object' || options === null) configError('options', 'must be an object');
  checkOptionNames(options, VERIFY_DPOP_PROOF_OPTION_NAMES, 'verifyDpopProof()');
  const { method, accessToken, jkt, replay, clockTolerance = 0, clock = Date.now } = options;
  if (typeof method !== 'string' || method === '') configError('method', 'must be the HTTP method');
  const htu = requestUrl(options.url);
  if (accessToken !== undefined && typeof accessToken !== 'string') {
    configError('accessToken', 'must be a string');
  }
  if (jkt !== undefined && typeof jkt !== 'string') configError('jkt', 'must be a string');
  if (replay !== undefined && typeof replay?.markUsed !== 'function') {
    configError('replay', 'must be a replay store (markUsed(id, expiresAt, now))');
  }
  if (typeof clockTolerance !== 'number' || !(clockTolerance >= 0 && clockTolerance <= 300)) {
    configError('clockTolerance', 'must be a number of seconds from 0 to 300');
  }
  if (typeof clock !== 'function')
    configError('clock', 'must be a function returning milliseconds');
  const settings = readProofSettings(options, 'options');
  const nonces = noncesFor(options.nonce);
  if (typeof proof !== 'string') throw new JwtError('ERR_DPOP_PROOF_INVALID');
  const now = clock();
  const checked = createProofChecker(settings)(proof, {
    method,
    htu,
    accessToken,
    now,
    clockTolerance,
  });
  const verified: DpopProof = Object.freeze({ ...checked, claims: Object.freeze(checked.claims) });
  if (jkt !== undefined && verified.jkt !== jkt) throw new JwtError('ERR_DPOP_BINDING_MISMATCH');
  let nextNonce: string | undefined;
  if (nonces !== undefined) {
    try {
      if (nonces.check(verified.claims.nonce, now)) nextNonce = nonces.current(now);
    } catch (err) {
      // The nonce to retry with, for `DPoP-Nonce` (httpAnswer sends it).
      (err as JwtError).dpop = {
        algs: settings.algs,
        bearer: false,
        usedDpop: true,
        nonce: nonces.current(now),
      };
      throw err;
    }
  }
  if (replay !== undefined) {
    await recordProof(replay, verified, settings.iatWindow + clockTolerance, now);
  }
  return nextNonce === undefined ? verified : Object.freeze({ ...verified, nextNonce });
}
