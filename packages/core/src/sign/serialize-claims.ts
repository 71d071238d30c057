import { configError } from '../errors/jwt-error.js';
import { MAX_JSON_DEPTH } from '../lib/strict-json.js';

// Tokens this signer makes must pass the verifier's strict JSON reader (same depth, same bans).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const NUMERIC_DATES = ['exp', 'nbf', 'iat'];
const STRINGS = ['iss', 'sub', 'jti'];

function checkValue(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) configError(path, 'contains a lone surrogate');
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) configError(path, 'must be a finite number');
      return;
    case 'object':
      if (value === null) return;
      return checkContainer(value, path, ancestors);
    default:
      // undefined in an array, functions, symbols, bigints: JSON would drop or change them.
      return configError(path, `a ${typeof value} cannot be serialized to JSON`);
  }
}

function checkContainer(value: object, path: string, ancestors: Set<object>): void {
  if (ancestors.has(value)) configError(path, 'is circular');
  if (ancestors.size >= MAX_JSON_DEPTH) {
    configError(path, `nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkValue(value[i], `${path}[${i}]`, ancestors);
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      configError(path, 'must be a plain object (convert Dates, Maps and class instances first)');
    }
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (key === '__proto__') configError(path, 'must not have a "__proto__" member');
      if (key === 'constructor' && isPlainRecord(member) && member.prototype !== undefined) {
        configError(path, 'must not have a "constructor" object with a "prototype" member');
      }
      if (LONE_SURROGATE.test(key)) configError(path, 'has a member name with a lone surrogate');
      if (member !== undefined) checkValue(member, `${path}.${key}`, ancestors);
    }
  }
  ancestors.delete(value);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkRegistered(claims: Record<string, unknown>): void {
  for (const name of NUMERIC_DATES) {
    const v = claims[name];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v)))
      configError(`claims.${name}`, 'must be a finite number (NumericDate seconds)');
  }
  for (const name of STRINGS) {
    const v = claims[name];
    if (v !== undefined && typeof v !== 'string') configError(`claims.${name}`, 'must be a string');
  }
  const aud = claims.aud;
  if (
    aud !== undefined &&
    typeof aud !== 'string' &&
    !(Array.isArray(aud) && aud.every((a) => typeof a === 'string'))
  ) {
    configError('claims.aud', 'must be a string or an array of strings');
  }
}

/**
 * Serializes a claims set after checking it is JSON data the verifier will read back unchanged:
 * plain objects, arrays, strings without lone surrogates, finite numbers, booleans and `null`;
 * no cycles, at most 32 levels deep, no `__proto__` members, no `constructor.prototype`; registered claims of the right types. `undefined` members
 * are left out. Throws `ERR_JWT_CONFIG_INVALID` naming the claim (never its value).
 *
 * @param claims - the merged claims
 * @example
 * ```ts
 * serializeClaims({ sub: 'alice', exp: 1700000900 }); // '{"sub":"alice","exp":1700000900}'
 * ```
 */
export function serializeClaims(claims: Record<string, unknown>): string {
  checkRegistered(claims);
  checkValue(claims, 'claims', new Set());
  return JSON.stringify(claims);
}
