/** Every default of `createVerifier`, in one place. */
export const VERIFIER_DEFAULTS = Object.freeze({
  /** Claims that must be present. */
  requiredClaims: Object.freeze(['exp']) as readonly string[],
  /** Leeway for exp/nbf/iat, seconds. */
  clockTolerance: 0,
  /** Largest accepted leeway, seconds. */
  maxClockTolerance: 300,
  /** Longest accepted token, characters (checked before any decoding). */
  maxTokenLength: 8192,
  /** Headers remembered after decoding, per verifier (one issuer sends a handful). */
  headerMemoSize: 64,
  /** Keys remembered after import when a resolver returns strings. */
  resolvedKeyMemoSize: 64,
  /** Entries kept for a function `issuers`, and new entries allowed per `issuerWindow`. */
  maxIssuers: 100,
  /** Window of the new-issuer budget, milliseconds (the remote JWK Set cooldown). */
  issuerWindow: 30_000,
});
