import type { VerifiedIssuer } from './issuer-options.js';

/**
 * A JWS protected header as received. Only integrity-protected members are ever present.
 *
 * @example
 * ```ts
 * const { header } = await verifier.verify(token);
 * header.kid; // the key id the token names
 * ```
 */
export interface JwsHeader {
  /** The algorithm named by the token (already checked against the allow-list). */
  alg: string;
  /** Key id, if any. */
  kid?: string;
  /** Explicit type, e.g. `at+jwt`. */
  typ?: string;
  /** Content type. */
  cty?: string;
  /** Any other, ignored member. */
  [member: string]: unknown;
}

/**
 * A JWT claims set. Registered claims are typed; everything else is `unknown` until checked.
 *
 * @example
 * ```ts
 * const { payload } = await verifier.verify<JwtClaims & { roles: string[] }>(token);
 * ```
 */
export interface JwtClaims {
  /** Issuer. */
  iss?: string;
  /** Subject. */
  sub?: string;
  /** Audience: one string or several. */
  aud?: string | string[];
  /** Expiry, NumericDate seconds. */
  exp?: number;
  /** Not before, NumericDate seconds. */
  nbf?: number;
  /** Issued at, NumericDate seconds. */
  iat?: number;
  /** Unique token id, the revocation key together with `iss`. */
  jti?: string;
  /** Any other claim. */
  [claim: string]: unknown;
}

/**
 * What a successful verification resolves with.
 *
 * @example
 * ```ts
 * const result: VerifyResult = await verifier.verify(token);
 * ```
 */
export interface VerifyResult<T = JwtClaims> {
  /** The verified protected header. */
  header: JwsHeader;
  /** The verified claims, a null-prototype object. */
  payload: T;
  /** With the `issuers` option: the entry that verified the token (its `iss` and `label`). */
  issuer?: VerifiedIssuer;
}
