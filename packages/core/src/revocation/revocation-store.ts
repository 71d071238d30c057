import type { JwtClaims } from '../types/claims.js';

/**
 * Revocation of a single token, keyed by (`iss ?? ''`, `jti`).
 *
 * @example
 * ```ts
 * await store.revoke({ jti: payload.jti, iss: payload.iss, exp: payload.exp });
 * ```
 */
export interface TokenRevocation {
  /** The token's `jti`: a non-empty string. */
  jti: string;
  /** The token's `iss`, if it has one. A missing `iss` and `''` are the same key. */
  iss?: string | undefined;
  /** The token's `exp` (NumericDate seconds, finite): the entry lives until then, plus tolerance. */
  exp: number;
}

/**
 * Revocation of every token of a subject issued before a time ("log out everywhere").
 *
 * @example
 * ```ts
 * const now = Math.floor(Date.now() / 1000);
 * await store.revokeSubject({ sub: 'user-42', issuedBefore: now, until: now + 3600 });
 * ```
 */
export interface SubjectRevocation {
  /** The subject whose tokens are revoked: a non-empty string. */
  sub: string;
  /** Restrict the rule to one issuer. Without it, the rule applies to tokens of every issuer. */
  iss?: string | undefined;
  /** Tokens with `iat` strictly before this NumericDate (or without a numeric `iat`) are revoked. */
  issuedBefore: number;
  /** NumericDate after which the rule may be dropped (the longest token lifetime has passed). */
  until: number;
}

/**
 * Where revocations live. The verifier consults `isRevoked` last, only for a token that passed
 * every other check. A store that cannot answer rejects with `JwtError`
 * (`ERR_REVOCATION_UNAVAILABLE`) so requests fail closed.
 *
 * Semantics every store implements identically (`MemoryRevocationStore`, `RedisRevocationStore`):
 *
 * - **Tokens** are keyed by (`iss ?? ''`, `jti`), never by token bytes (an ECDSA signature has two
 *   valid forms). A token without a string `jti` cannot be revoked by `jti`.
 * - **Subject rules** are keyed by (`iss`, `sub`); a rule without `iss` applies to that subject's
 *   tokens from every issuer. A token (with that `sub`, and that `iss` when the rule has one) is
 *   revoked when it has no finite numeric `iat`, or `iat < issuedBefore` — strictly: a token issued
 *   in the same second as the rule's `issuedBefore` stays valid. Several rules for the same key
 *   merge to the largest `issuedBefore` and the largest `until`.
 * - **Lifetime**: an entry is kept until `Math.ceil(exp + tolerance)` (tokens) or
 *   `Math.ceil(until + tolerance)` (rules) seconds since the epoch, where `tolerance` defaults to
 *   300 s (the largest `clockTolerance` a verifier accepts). It is never dropped before; after it,
 *   it is removed. A revocation whose deadline has already passed stores nothing. Revoking the
 *   same token twice keeps the later `exp`.
 * - **Invalid input** (a `jti`/`sub` that is not a non-empty string, an `iss` that is neither a
 *   string nor absent, a non-finite `exp`/`issuedBefore`/`until`) rejects with `JwtError`
 *   `ERR_JWT_CONFIG_INVALID`: it is a programming error, never a client one. `isRevoked` with
 *   claims that are not an object rejects the same way; odd claim types simply match nothing.
 *
 * @example
 * ```ts
 * const verifier = createVerifier({ algorithms: ['HS256'], key, revocation: new MemoryRevocationStore() });
 * ```
 */
export interface RevocationStore {
  /**
   * Whether the verified claims are revoked by (iss, jti) or by a subject rule.
   *
   * @param claims - the verified payload
   */
  isRevoked(claims: JwtClaims): Promise<boolean>;
  /**
   * Revoke one token until its `exp` (plus tolerance).
   *
   * @param token - the token's `jti`, `iss` and `exp`
   */
  revoke(token: TokenRevocation): Promise<void>;
  /**
   * Revoke every token of a subject issued before a time.
   *
   * @param rule - subject, optional issuer, cut-off and rule lifetime
   */
  revokeSubject(rule: SubjectRevocation): Promise<void>;
}
