import type { KeyObject } from 'node:crypto';
import type { JwsHeader } from './claims.js';

/**
 * One JSON Web Key (RFC 7517). Only public members are used for verification.
 *
 * @example
 * ```ts
 * const jwk: Jwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'k1' };
 * ```
 */
export interface Jwk {
  /** Key type: `RSA`, `EC`, `OKP` or `oct`. */
  kty: string;
  /** Key id, selected by the token's `kid`. */
  kid?: string;
  /** The one algorithm this key may be used with; pins the key when present. */
  alg?: string;
  /** Intended use: only `sig` (or absent) is usable for verification. */
  use?: string;
  /** Permitted operations: must include `verify` when present. */
  key_ops?: string[];
  /** Any other member (`n`, `e`, `crv`, `x`, `y`, `k`, ...). */
  [member: string]: unknown;
}

/**
 * A JWK Set: keys selected by `kid` (and `alg`). It never supplies HMAC (`oct`) keys.
 *
 * @example
 * ```ts
 * const jwks: JwkSet = { keys: [publicJwk] };
 * ```
 */
export interface JwkSet {
  /** The keys of the set. */
  keys: Jwk[];
}

/**
 * One verification key: an HMAC secret (string or bytes), a PEM string (SPKI, PKCS#1 or X.509
 * certificate), a `KeyObject`, or one JWK.
 *
 * @example
 * ```ts
 * const key: KeyInput = process.env.JWT_SECRET!;
 * ```
 */
export type KeyInput = string | Uint8Array | KeyObject | Jwk;

/**
 * Chooses the key for a token from its (not yet verified) header. It never replaces the
 * `algorithms` allow-list: the header's `alg` is checked before the resolver is called.
 *
 * @example
 * ```ts
 * const key: KeyResolver = (header) => keysByKid.get(header.kid ?? '');
 * ```
 */
export type KeyResolver = (
  header: JwsHeader,
) => KeyInput | undefined | Promise<KeyInput | undefined>;
