import { JwtError } from '../errors/jwt-error.js';
import type { Algorithm } from '../types/algorithm.js';
import { importJwk } from './import-jwk.js';
import type { KeySet } from './key-source.js';
import type { CheckedKey } from './verification-key.js';

/** How {@link importJwkSet} treats bad keys. */
export interface ImportJwkSetOptions {
  /**
   * `false` (configured sets): any bad key or duplicate `kid` throws. `true` (remote sets):
   * unusable keys are skipped (RFC 7517 §5) and every key whose `kid` is duplicated is dropped.
   */
  readonly lenient: boolean;
  /** Option path for messages, e.g. `key`. */
  readonly option: string;
  /**
   * Remote sets: only the first `maxKeys` entries are looked at; the rest are never imported, so
   * a hostile set cannot make every fetch parse and reject thousands of junk entries.
   */
  readonly maxKeys?: number;
}

/** A JWK Set ready for lookups (internal); `byKid` lets the verifier tell a wrong alg from a missing key. */
export interface CheckedKeySet extends KeySet {
  /** The key with exactly this `kid`, whatever its algorithms. */
  byKid(kid: string): CheckedKey | undefined;
  /** Every usable key, in set order. */
  readonly keys: readonly CheckedKey[];
}

/**
 * Imports a JWK Set for verification. Every key is checked as by `importJwk` (never `oct`);
 * lookups by `kid` go through a `Map`. Throws `ERR_JWT_CONFIG_INVALID` when `input` is not an
 * object with a `keys` array; in strict mode also for duplicate `kid`s (`ERR_JWT_CONFIG_INVALID`)
 * and bad keys (`ERR_JWT_KEY_INVALID`).
 *
 * @param input - the JWK Set, untrusted
 * @param options - strict or lenient, and the option path for messages
 * @example
 * ```ts
 * const set = importJwkSet(await response.json(), { lenient: true, option: 'jwksUri' });
 * set.select(header.kid, 'RS256');
 * ```
 */
export function importJwkSet(input: unknown, options: ImportJwkSetOptions): CheckedKeySet {
  const { option, lenient, maxKeys = Infinity } = options;
  const given =
    typeof input === 'object' && input !== null ? (input as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(given) || !Object.hasOwn(input as object, 'keys')) {
    throw new JwtError(
      'ERR_JWT_CONFIG_INVALID',
      `Invalid option "${option}": must be a JWK Set, an object with a "keys" array`,
    );
  }
  const keys: unknown[] = given.length > maxKeys ? given.slice(0, maxKeys) : given;
  const kidCount = new Map<string, number>();
  for (const jwk of keys) {
    const kid =
      typeof jwk === 'object' && jwk !== null ? (jwk as { kid?: unknown }).kid : undefined;
    if (typeof kid === 'string') kidCount.set(kid, (kidCount.get(kid) ?? 0) + 1);
  }
  const byKid = new Map<string, CheckedKey>();
  const all: CheckedKey[] = [];
  keys.forEach((jwk: unknown, index) => {
    const where = `${option}.keys[${index}]`;
    let key: CheckedKey;
    try {
      key = importJwk(jwk, { option: where, allowOct: false });
    } catch (err) {
      if (lenient && err instanceof JwtError) return;
      throw err;
    }
    if (key.kid !== undefined && (kidCount.get(key.kid) ?? 0) > 1) {
      if (lenient) return;
      throw new JwtError(
        'ERR_JWT_CONFIG_INVALID',
        `Invalid option "${where}": duplicate "kid" in the JWK Set`,
      );
    }
    if (key.kid !== undefined) byKid.set(key.kid, key);
    all.push(key);
  });
  return {
    size: all.length,
    keys: all,
    byKid: (kid) => byKid.get(kid),
    select(kid: string | undefined, alg: Algorithm) {
      if (kid !== undefined) {
        const key = byKid.get(kid);
        return key?.algorithms.has(alg) ? key : undefined;
      }
      // Without a kid, only an unambiguous key will do.
      let found: CheckedKey | undefined;
      for (const key of all) {
        if (!key.algorithms.has(alg)) continue;
        if (found !== undefined) return undefined;
        found = key;
      }
      return found;
    },
  };
}
