import { configError } from '../errors/jwt-error.js';
import { algorithmSpec } from '../lib/algorithm-table.js';
import type { Algorithm } from '../types/algorithm.js';
import { parsePublicUrl, type PublicUrl } from './htu.js';
import type { ReplayStore } from './replay-store.js';
import { createDpopNonces, type DpopNonceOptions, type DpopNonces } from './dpop-nonces.js';
import { checkOptionNames } from '../config/check-option-names.js';
import { DEFAULT_PROOF_ALGORITHMS } from './default-proof-algorithms.js';

/**
 * Whether a proof-of-possession scheme is refused (`off`), accepted next to plain Bearer tokens
 * (`allowed`), or demanded of every token (`required`).
 */
export type SenderConstraintMode = 'off' | 'allowed' | 'required';

/**
 * DPoP (RFC 9449) on the resource server: the `dpop` option of `createAuthenticator` and of the
 * adapters.
 *
 * @example
 * ```ts
 * const dpop: DpopOptions = { mode: 'required', algorithms: ['ES256', 'EdDSA'], iatWindow: 30 };
 * ```
 */
export interface DpopOptions {
  /**
   * `allowed` (default): `Authorization: DPoP` with a proof, and Bearer tokens without `cnf`;
   * `required`: DPoP only; `off`: no DPoP. In every mode, a token bound to a key (`cnf.jkt`)
   * is refused as a Bearer token.
   */
  mode?: SenderConstraintMode;
  /** Proof algorithms accepted, asymmetric only. Default `['ES256', 'EdDSA', 'Ed25519', 'PS256', 'RS256']`. */
  algorithms?: readonly Algorithm[];
  /**
   * Seconds a proof is accepted before or after its `iat` (plus the verifier's `clockTolerance`);
   * its `jti` is remembered that long. Default 60, at most 600.
   */
  iatWindow?: number;
  /** Longest proof accepted, in characters, checked before any decoding. Default 4096. */
  maxProofLength?: number;
  /**
   * The public URL of this server (`https://api.example.com`, with a path when a proxy strips
   * one) when the request's own scheme and host are not what clients see. Default: the scheme
   * and host of the request as the framework reports them (its trust-proxy setting honoured).
   */
  publicUrl?: string;
  /**
   * Where proof ids are remembered. Default: a `MemoryReplayStore` of this authenticator, which
   * protects one process only; a fleet needs a shared store (`RedisReplayStore`).
   */
  replay?: ReplayStore;
  /**
   * Server nonces (RFC 9449 §8): every proof must carry a recent nonce from this server, which
   * bounds how long a proof made in advance (by malware on the client, say) stays usable. A
   * missing or stale nonce is `ERR_DPOP_NONCE_REQUIRED` (401 `use_dpop_nonce`) with a fresh one
   * in `DPoP-Nonce`; successes carry a new one when the client's is about to expire. Default:
   * no nonces.
   */
  nonce?: DpopNonceOptions;
}

/** The option names of {@link DpopOptions}, one list (for unknown-option checks). */
export const DPOP_OPTION_NAMES = [
  'mode',
  'algorithms',
  'iatWindow',
  'maxProofLength',
  'publicUrl',
  'replay',
  'nonce',
] as const;

/** The defaults of {@link DpopOptions}, in one place. */
export const DPOP_DEFAULTS = Object.freeze({
  mode: 'allowed' as SenderConstraintMode,
  algorithms: DEFAULT_PROOF_ALGORITHMS,
  iatWindow: 60,
  maxProofLength: 4096,
});

/** Checked proof settings shared by the authenticator and `verifyDpopProof` (internal). */
export interface ProofSettings {
  readonly algorithms: ReadonlySet<string>;
  readonly algs: readonly string[];
  readonly iatWindow: number;
  readonly maxProofLength: number;
}

/** Checked {@link DpopOptions} (internal). */
export interface DpopConfig extends ProofSettings {
  readonly mode: SenderConstraintMode;
  readonly publicUrl: PublicUrl | undefined;
  readonly replay: ReplayStore | undefined;
  readonly nonces: DpopNonces | undefined;
}

const MODES: readonly string[] = ['off', 'allowed', 'required'];

/**
 * Checks the proof settings, naming the option under `prefix` (`dpop.algorithms`).
 *
 * @param options - the algorithms, window and length cap given
 * @param prefix - the option path of their object, e.g. `dpop`
 */
export function readProofSettings(
  options: Pick<DpopOptions, 'algorithms' | 'iatWindow' | 'maxProofLength'>,
  prefix: string,
): ProofSettings {
  const {
    algorithms = DPOP_DEFAULTS.algorithms,
    iatWindow = DPOP_DEFAULTS.iatWindow,
    maxProofLength = DPOP_DEFAULTS.maxProofLength,
  } = options;
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    configError(`${prefix}.algorithms`, 'must be a non-empty array of asymmetric algorithms');
  }
  for (const alg of algorithms as unknown[]) {
    const spec = algorithmSpec(alg);
    if (spec === undefined || spec.family === 'HMAC') {
      configError(`${prefix}.algorithms`, `${String(alg)} is not an asymmetric JWS algorithm`);
    }
  }
  if (typeof iatWindow !== 'number' || !(iatWindow > 0 && iatWindow <= 600)) {
    configError(`${prefix}.iatWindow`, 'must be a number of seconds above 0 and at most 600');
  }
  if (!Number.isSafeInteger(maxProofLength) || maxProofLength < 256) {
    configError(`${prefix}.maxProofLength`, 'must be an integer of at least 256');
  }
  return {
    algorithms: new Set(algorithms),
    algs: Object.freeze([...new Set(algorithms)]),
    iatWindow,
    maxProofLength,
  };
}

/**
 * Checks the `dpop` option at construction, naming the option. `undefined` means DPoP `off`.
 *
 * @param options - the option value
 */
export function readDpopOptions(options: DpopOptions | undefined): DpopConfig {
  if (options === undefined) {
    return {
      ...readProofSettings({}, 'dpop'),
      mode: 'off',
      publicUrl: undefined,
      replay: undefined,
      nonces: undefined,
    };
  }
  if (typeof options !== 'object' || options === null) configError('dpop', 'must be an object');
  checkOptionNames(options, DPOP_OPTION_NAMES, 'the "dpop" option');
  const { mode = DPOP_DEFAULTS.mode, publicUrl, replay } = options;
  if (!MODES.includes(mode)) configError('dpop.mode', "must be 'off', 'allowed' or 'required'");
  let url: PublicUrl | undefined;
  if (publicUrl !== undefined) {
    url = typeof publicUrl === 'string' ? parsePublicUrl(publicUrl) : undefined;
    if (url === undefined) {
      configError('dpop.publicUrl', 'must be an absolute http(s) URL without query or fragment');
    }
  }
  if (replay !== undefined && typeof replay?.markUsed !== 'function') {
    configError('dpop.replay', 'must be a replay store (markUsed(id, expiresAt, now))');
  }
  const nonces = options.nonce === undefined ? undefined : createDpopNonces(options.nonce);
  return { ...readProofSettings(options, 'dpop'), mode, publicUrl: url, replay, nonces };
}
