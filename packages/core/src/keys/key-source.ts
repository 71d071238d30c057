import type { KeyObject } from 'node:crypto';
import type { Algorithm } from '../types/algorithm.js';
import type { JwsHeader } from '../types/claims.js';

/**
 * A key that passed every construction-time check, ready for signature verification.
 * Internal contract between key sources (static key, JWK Set, resolver, remote JWK Set) and the
 * verifier.
 */
export interface VerificationKey {
  /** The node:crypto key: a secret key for HMAC, a public key otherwise. */
  readonly keyObject: KeyObject;
  /** The algorithms this key may serve: its pinned `alg`, or those of its family that fit it. */
  readonly algorithms: ReadonlySet<Algorithm>;
  /** The key id, when the key has one. */
  readonly kid?: string;
}

/** Brand that marks an object as a {@link KeySource} (remote JWK Sets carry it). */
export const KEY_SOURCE: unique symbol = Symbol.for('@tokenward/core.KeySource') as never;

/**
 * Where the verifier gets the key for a token. `resolve` is called after the header's `alg`
 * passed the allow-list; it returns a key or throws `JwtError` (`ERR_JWT_KEY_NOT_FOUND`,
 * `ERR_JWKS_UNAVAILABLE`, ...). It never looks at `jwk`/`jku`/`x5u`/`x5c` headers.
 */
export interface KeySource {
  /** Brand, so a source can be told from a plain key or JWK. */
  readonly [KEY_SOURCE]: true;
  /** The key for this header and (already allow-listed) algorithm. */
  resolve(header: JwsHeader, alg: Algorithm): VerificationKey | Promise<VerificationKey>;
}

/**
 * An imported JWK Set. `select` finds the key by exact `kid` (a `Map` lookup) fitting `alg`;
 * without a `kid` it returns the single key that fits `alg`, if exactly one does.
 */
export interface KeySet {
  /** The matching key, or `undefined`. */
  select(kid: string | undefined, alg: Algorithm): VerificationKey | undefined;
  /** How many usable keys the set holds. */
  readonly size: number;
}
