import { JwtError } from '../errors/jwt-error.js';

const invalid = (): never => {
  throw new JwtError('ERR_JWT_CLAIM_INVALID');
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
  if (exp !== undefined && !isNumericDate(exp)) invalid();
  if (nbf !== undefined && !isNumericDate(nbf)) invalid();
  if (iat !== undefined && !isNumericDate(iat)) invalid();
  if (iss !== undefined && typeof iss !== 'string') invalid();
  if (sub !== undefined && typeof sub !== 'string') invalid();
  if (jti !== undefined && typeof jti !== 'string') invalid();
  if (aud !== undefined && typeof aud !== 'string' && !isStringArray(aud)) invalid();
  for (let i = 0; i < required.length; i++) {
    if (payload[required[i] as string] === undefined) invalid();
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
