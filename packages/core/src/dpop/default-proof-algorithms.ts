import type { Algorithm } from '../types/algorithm.js';

/**
 * The DPoP proof algorithms accepted unless `dpop.algorithms` says otherwise, in the order they
 * are announced (`DPoP algs="…"`): asymmetric only, `Ed25519` being RFC 9864's name for what
 * older clients call `EdDSA`. One list for the option's default and for the challenge of a
 * DPoP-only answer.
 *
 * @example
 * ```ts
 * DEFAULT_PROOF_ALGORITHMS.includes('ES256'); // true
 * ```
 */
export const DEFAULT_PROOF_ALGORITHMS: readonly Algorithm[] = Object.freeze([
  'ES256',
  'EdDSA',
  'Ed25519',
  'PS256',
  'RS256',
]);
