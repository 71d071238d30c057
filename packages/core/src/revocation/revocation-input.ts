import { JwtError } from '../errors/jwt-error.js';
import type { SubjectRevocation, TokenRevocation } from './revocation-store.js';

// Invalid revocation input is a programming error (500), never a client one.
function invalid(name: string, problem: string): never {
  throw new JwtError('ERR_JWT_CONFIG_INVALID', `Invalid revocation input "${name}": ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nonEmptyString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') invalid(name, 'must be a non-empty string');
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') invalid(name, 'must be a string if set');
  return value;
}

function finiteNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    invalid(name, 'must be a finite number');
  return value;
}

/** A validated {@link TokenRevocation} (`iss` normalised to `''` when absent). */
export interface TokenEntry {
  iss: string;
  jti: string;
  exp: number;
}

/** A validated {@link SubjectRevocation}. */
export interface SubjectRule {
  sub: string;
  iss: string | undefined;
  issuedBefore: number;
  until: number;
}

/**
 * Validates the argument of `revoke`, for any `RevocationStore` implementation (invalid
 * input rejects with `ERR_JWT_CONFIG_INVALID`).
 *
 * @param token - caller input
 * @example
 * ```ts
 * const { iss, jti, exp } = readTokenRevocation(input);
 * ```
 */
export function readTokenRevocation(token: TokenRevocation): TokenEntry {
  if (!isObject(token)) invalid('token', 'must be an object');
  return {
    jti: nonEmptyString(token.jti, 'token.jti'),
    iss: optionalString(token.iss, 'token.iss') ?? '',
    exp: finiteNumber(token.exp, 'token.exp'),
  };
}

/**
 * Validates the argument of `revokeSubject`, for any `RevocationStore` implementation
 * (invalid input rejects with `ERR_JWT_CONFIG_INVALID`).
 *
 * @param rule - caller input
 * @example
 * ```ts
 * const { sub, iss, issuedBefore, until } = readSubjectRevocation(input);
 * ```
 */
export function readSubjectRevocation(rule: SubjectRevocation): SubjectRule {
  if (!isObject(rule)) invalid('rule', 'must be an object');
  return {
    sub: nonEmptyString(rule.sub, 'rule.sub'),
    iss: optionalString(rule.iss, 'rule.iss'),
    issuedBefore: finiteNumber(rule.issuedBefore, 'rule.issuedBefore'),
    until: finiteNumber(rule.until, 'rule.until'),
  };
}

/** The claims a revocation lookup keys on, read leniently from verified claims. */
export interface RevocationKeys {
  /** `iss` when it is a string (a rule bound to an issuer only matches then). */
  iss: string | undefined;
  /** `jti` when it is a non-empty string. */
  jti: string | undefined;
  /** `sub` when it is a non-empty string. */
  sub: string | undefined;
}

/**
 * Reads the claims `isRevoked` looks at, for any `RevocationStore` implementation: a
 * non-object rejects (`ERR_JWT_CONFIG_INVALID`); a `jti` or `sub` that is not a non-empty string
 * matches nothing, a non-string `iss` counts as absent.
 *
 * @param claims - caller input
 * @example
 * ```ts
 * const { iss, jti, sub } = readRevocationKeys(payload);
 * ```
 */
export function readRevocationKeys(claims: unknown): RevocationKeys {
  if (!isObject(claims)) invalid('claims', 'must be an object');
  return {
    iss: typeof claims.iss === 'string' ? claims.iss : undefined,
    jti: typeof claims.jti === 'string' && claims.jti !== '' ? claims.jti : undefined,
    sub: typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : undefined,
  };
}
