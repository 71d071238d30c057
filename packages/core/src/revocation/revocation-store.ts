import type { JwtClaims } from '../types/claims.js';

/**
 * Revocation of a single token, keyed by (iss, jti). The entry may be dropped once `exp` passed.
 *
 * @example
 * ```ts
 * await store.revoke({ jti: payload.jti, iss: payload.iss, exp: payload.exp });
 * ```
 */
export interface TokenRevocation {
  /** The token's `jti`. */
  jti: string;
  /** The token's `iss`, if it has one. */
  iss?: string;
  /** The token's `exp` (NumericDate seconds): the entry lives until then. */
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
  /** The subject whose tokens are revoked. */
  sub: string;
  /** Restrict the rule to one issuer. */
  iss?: string;
  /** Tokens with `iat` before this NumericDate are revoked. */
  issuedBefore: number;
  /** NumericDate after which the rule may be dropped (the longest token lifetime has passed). */
  until: number;
}

/**
 * Where revocations live. The verifier consults `isRevoked` last, only for a token that passed
 * every other check. A store that cannot answer rejects with `JwtError`
 * (`ERR_REVOCATION_UNAVAILABLE`) so requests fail closed.
 *
 * @example
 * ```ts
 * const verifier = createVerifier({ algorithms: ['HS256'], key, revocation: new MemoryRevocationStore() });
 * ```
 */
export interface RevocationStore {
  /** Whether the verified claims are revoked by (iss, jti) or by a subject rule. */
  isRevoked(claims: JwtClaims): Promise<boolean>;
  /** Revoke one token until its `exp`. */
  revoke(token: TokenRevocation): Promise<void>;
  /** Revoke every token of a subject issued before a time. */
  revokeSubject(rule: SubjectRevocation): Promise<void>;
}
