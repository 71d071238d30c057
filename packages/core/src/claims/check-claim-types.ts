import { JwtError } from '../errors/jwt-error.js';

/**
 * The `ERR_JWT_CLAIM_INVALID` of one claim: the message names the claim (server side; the HTTP
 * body keeps the fixed description), `details` says `{ claim, reason }`.
 *
 * @param claim - the claim name
 * @param reason - `missing`, `type`, `future`, `too_old` or `mismatch`
 * @param text - what is wrong, for the message
 */
export function claimInvalid(claim: string, reason: string, text: string): JwtError {
  return new JwtError('ERR_JWT_CLAIM_INVALID', `The "${claim}" claim ${text}`, {
    details: { claim, reason },
  });
}

const invalid = (claim: string, text: string): never => {
  throw claimInvalid(claim, 'type', text);
};

/**
 * Checks the types of the registered claims (RFC 7519 §4.1, STANDARDS.md §1.10 policy 9) and that
 * every required claim is present. Throws `ERR_JWT_CLAIM_INVALID`.
 *
 * @param payload - the decoded claims (null-prototype)
 * @param required - names of claims that must be present
 */
export function checkClaimTypes(
  payload: Record<string, unknown>,
  required: readonly string[],
): void {
  const { exp, nbf, iat, iss, sub, jti, aud } = payload;
  // NumericDate: a finite JSON number ("never", [n], "4102444800", {} are all refused).
  const date = 'is not a NumericDate (a finite number)';
  if (exp !== undefined && !isNumericDate(exp)) invalid('exp', date);
  if (nbf !== undefined && !isNumericDate(nbf)) invalid('nbf', date);
  if (iat !== undefined && !isNumericDate(iat)) invalid('iat', date);
  if (iss !== undefined && typeof iss !== 'string') invalid('iss', 'is not a string');
  if (sub !== undefined && typeof sub !== 'string') invalid('sub', 'is not a string');
  if (jti !== undefined && typeof jti !== 'string') invalid('jti', 'is not a string');
  if (aud !== undefined && typeof aud !== 'string' && !isStringArray(aud)) {
    invalid('aud', 'is not a string or an array of strings');
  }
  for (let i = 0; i < required.length; i++) {
    const name = required[i] as string;
    if (payload[name] === undefined) throw claimInvalid(name, 'missing', 'is required but missing');
  }
}

function isNumericDate(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}
