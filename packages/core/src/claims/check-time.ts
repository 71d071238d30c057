import { JwtError } from '../errors/jwt-error.js';
import { claimInvalid } from './check-claim-types.js';

/** Time rules of one verifier. */
export interface TimeRules {
  /** Leeway in seconds for exp/nbf/iat. */
  readonly clockTolerance: number;
  /** Maximum age since `iat` in seconds, when configured. */
  readonly maxTokenAge: number | undefined;
}

/**
 * Checks `exp`, `nbf`, `iat` (not in the future) and `maxTokenAge` against `now` (RFC 7519
 * §4.1.4–4.1.6). Claim types were checked before. Throws `ERR_JWT_EXPIRED`,
 * `ERR_JWT_NOT_YET_VALID` or `ERR_JWT_CLAIM_INVALID`.
 *
 * @param payload - the type-checked claims
 * @param now - current time, NumericDate seconds
 * @param rules - leeway and maximum age
 */
export function checkTime(payload: Record<string, unknown>, now: number, rules: TimeRules): void {
  const leeway = rules.clockTolerance;
  const exp = payload.exp as number | undefined;
  const nbf = payload.nbf as number | undefined;
  const iat = payload.iat as number | undefined;
  // The token MUST NOT be accepted on or after exp.
  if (exp !== undefined && now >= exp + leeway) {
    throw new JwtError('ERR_JWT_EXPIRED', 'The access token expired ("exp" claim)', {
      details: { claim: 'exp', reason: 'expired' },
    });
  }
  if (nbf !== undefined && now + leeway < nbf) {
    throw new JwtError('ERR_JWT_NOT_YET_VALID', 'The access token is not valid yet ("nbf" claim)', {
      details: { claim: 'nbf', reason: 'not_yet_valid' },
    });
  }
  if (iat !== undefined && iat > now + leeway) {
    throw claimInvalid('iat', 'future', 'is in the future');
  }
  if (rules.maxTokenAge !== undefined) {
    if (iat === undefined) {
      throw claimInvalid('iat', 'missing', 'is required by maxTokenAge but missing');
    }
    if (now > iat + rules.maxTokenAge + leeway) {
      throw claimInvalid('iat', 'too_old', `is older than maxTokenAge (${rules.maxTokenAge} s)`);
    }
  }
}

/**
 * Until when a verified token may be served from the cache: the earliest of `exp` + leeway and
 * `iat` + `maxTokenAge` (`Infinity` when neither applies).
 *
 * @param payload - the verified claims
 * @param rules - leeway and maximum age
 */
export function validUntil(payload: Record<string, unknown>, rules: TimeRules): number {
  const exp = payload.exp as number | undefined;
  const iat = payload.iat as number | undefined;
  let until = exp === undefined ? Infinity : exp + rules.clockTolerance;
  if (rules.maxTokenAge !== undefined && iat !== undefined) {
    // Conservative: within the leeway past the age limit the token is verified afresh.
    until = Math.min(until, iat + rules.maxTokenAge);
  }
  return until;
}

/**
 * From when a verified token may be served from the cache, compared with `now + leeway` exactly
 * as {@link checkTime} compares `nbf` and `iat`: the later of the two (`-Infinity` when neither).
 *
 * @param payload - the verified claims
 */
export function notBefore(payload: Record<string, unknown>): number {
  const nbf = payload.nbf as number | undefined;
  const iat = payload.iat as number | undefined;
  return Math.max(nbf ?? -Infinity, iat ?? -Infinity);
}
