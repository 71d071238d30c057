import { detailValue, JwtError } from '../errors/jwt-error.js';

/** Identity rules of one verifier (exact, case-sensitive comparisons, RFC 7519 §2). */
export interface IdentityRules {
  readonly issuer: readonly string[] | undefined;
  readonly audience: readonly string[] | undefined;
  readonly subject: string | undefined;
}

/**
 * Checks `iss` (one of the accepted issuers), `aud` (names at least one accepted audience) and
 * `sub`. A missing claim is a mismatch when a rule is configured. Throws
 * `ERR_JWT_ISSUER_MISMATCH`, `ERR_JWT_AUDIENCE_MISMATCH` or `ERR_JWT_CLAIM_INVALID` (subject).
 *
 * @param payload - the type-checked claims
 * @param rules - the configured issuer, audience and subject
 */
export function checkIdentity(payload: Record<string, unknown>, rules: IdentityRules): void {
  if (rules.issuer !== undefined && !accepts(rules.issuer, payload.iss)) {
    throw mismatch('ERR_JWT_ISSUER_MISMATCH', 'iss', rules.issuer, payload.iss);
  }
  if (rules.audience !== undefined && !audienceMatches(payload.aud, rules.audience)) {
    throw mismatch('ERR_JWT_AUDIENCE_MISMATCH', 'aud', rules.audience, payload.aud);
  }
  if (rules.subject !== undefined && payload.sub !== rules.subject) {
    throw mismatch('ERR_JWT_CLAIM_INVALID', 'sub', [rules.subject], payload.sub);
  }
}

function audienceMatches(aud: unknown, accepted: readonly string[]): boolean {
  if (typeof aud === 'string') return accepts(accepted, aud);
  if (!Array.isArray(aud)) return false;
  for (let i = 0; i < aud.length; i++) if (accepts(accepted, aud[i])) return true;
  return false;
}

// A short list compared with ===: cheaper than hashing a freshly decoded string for a Set.
function accepts(accepted: readonly string[], value: unknown): boolean {
  for (let i = 0; i < accepted.length; i++) if (accepted[i] === value) return true;
  return false;
}

// Built only on failure: the accepted and received values, truncated, for the server's logs.
function mismatch(
  code: 'ERR_JWT_ISSUER_MISMATCH' | 'ERR_JWT_AUDIENCE_MISMATCH' | 'ERR_JWT_CLAIM_INVALID',
  claim: string,
  accepted: readonly string[],
  received: unknown,
): JwtError {
  const expected = accepted.length === 1 ? accepted[0] : accepted;
  return new JwtError(code, `The "${claim}" claim is not accepted`, {
    details: {
      claim,
      reason: received === undefined ? 'missing' : 'mismatch',
      expected: detailValue(expected),
      received: received === undefined ? 'undefined' : detailValue(received),
    },
  });
}
