import { JwtError, type SubjectRevocation, type TokenRevocation } from '@tokenward/core';

// Same checks and messages as core's MemoryRevocationStore: bad input is a programming error.
function invalid(name: string, problem: string): never {
  throw new JwtError('ERR_JWT_CONFIG_INVALID', `Invalid revocation input "${name}": ${problem}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

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

/**
 * Validates the argument of `revoke`; a missing `iss` becomes `''`.
 *
 * @param token - caller input
 * @example
 * ```ts
 * const { iss, jti, exp } = readToken({ jti: 'a', exp: 1700000000 });
 * ```
 */
export function readToken(token: TokenRevocation): { iss: string; jti: string; exp: number } {
  if (!isObject(token)) invalid('token', 'must be an object');
  return {
    jti: nonEmptyString(token.jti, 'token.jti'),
    iss: optionalString(token.iss, 'token.iss') ?? '',
    exp: finiteNumber(token.exp, 'token.exp'),
  };
}

/**
 * Validates the argument of `revokeSubject`; `iss` stays `undefined` for an any-issuer rule.
 *
 * @param rule - caller input
 * @example
 * ```ts
 * readRule({ sub: 'u1', issuedBefore: 1700000000, until: 1700003600 });
 * ```
 */
export function readRule(rule: SubjectRevocation): Required<Omit<SubjectRevocation, 'iss'>> & {
  iss: string | undefined;
} {
  if (!isObject(rule)) invalid('rule', 'must be an object');
  return {
    sub: nonEmptyString(rule.sub, 'rule.sub'),
    iss: optionalString(rule.iss, 'rule.iss'),
    issuedBefore: finiteNumber(rule.issuedBefore, 'rule.issuedBefore'),
    until: finiteNumber(rule.until, 'rule.until'),
  };
}

/** The lookup keys' inputs read leniently from verified claims. */
export interface ClaimKeys {
  /** `iss` when it is a string (a rule bound to an issuer only matches then). */
  iss: string | undefined;
  /** `jti` when it is a non-empty string. */
  jti: string | undefined;
  /** `sub` when it is a non-empty string. */
  sub: string | undefined;
}

/**
 * Reads the claims `isRevoked` looks at: odd types match nothing, a non-object rejects.
 *
 * @param claims - caller input
 * @example
 * ```ts
 * readClaims({ iss: 'i', jti: 'j', sub: 's' });
 * ```
 */
export function readClaims(claims: unknown): ClaimKeys {
  if (!isObject(claims)) invalid('claims', 'must be an object');
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  return {
    iss: typeof claims.iss === 'string' ? claims.iss : undefined,
    jti: text(claims.jti),
    sub: text(claims.sub),
  };
}
