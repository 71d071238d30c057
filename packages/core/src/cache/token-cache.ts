import { configError } from '../errors/jwt-error.js';
import type { VerifyResult } from '../types/claims.js';

// Characters of a token that key its entry: the tail of the signature.
const KEY_LENGTH = 48;

/** Default number of entries of the verified-token cache. */
export const DEFAULT_CACHE_MAX = 1000;

/**
 * Internal verified-token cache: a bounded, approximately LRU map keyed on the exact token string.
 * It keeps the results it is given as they are: the verifier stores them deep-frozen and hands
 * the same claims to every hit, so no caller can change what the next request receives.
 */
export interface TokenCache {
  /**
   * The cached result for this exact token, or `undefined` when absent, expired (the entry is
   * removed) or not valid yet (`nowSeconds + leewaySeconds` before the entry's `notBefore`; the
   * entry stays). A hit on an entry in the older half of the cache makes it the most recently
   * used one; a newer entry is not moved (that saves two Map operations on most hits), so a
   * used entry outlives at least `max / 2` newer insertions.
   *
   * @param token - the exact token string
   * @param nowSeconds - current time, NumericDate seconds
   * @param leewaySeconds - the verifier's clock tolerance, added to `nowSeconds` for `notBefore`
   */
  get(token: string, nowSeconds: number, leewaySeconds?: number): VerifyResult | undefined;
  /**
   * Stores a verified result, valid while `nowSeconds < validUntilSeconds` and
   * `nowSeconds + leewaySeconds >= notBeforeSeconds`. Evicts the oldest entry past `max`.
   *
   * @param token - the exact token string
   * @param result - the verified header and payload, both frozen
   * @param validUntilSeconds - first second at which the entry is no longer valid (e.g. `exp + leeway`)
   * @param notBeforeSeconds - earliest second it is valid from, before the leeway (e.g. `nbf`);
   *   default: always
   */
  set(
    token: string,
    result: VerifyResult,
    validUntilSeconds: number,
    notBeforeSeconds?: number,
  ): void;
  /** Current number of entries. */
  readonly size: number;
  /** Maximum number of entries. */
  readonly max: number;
}

interface Entry {
  /** The exact token string this entry is for. */
  token: string;
  result: VerifyResult;
  validUntil: number;
  notBefore: number;
  /** Value of the insertion counter when this entry was (re)inserted. */
  stamp: number;
}

function readMax(option: unknown): number {
  if (option === true) return DEFAULT_CACHE_MAX;
  if (typeof option !== 'object' || option === null || Array.isArray(option))
    configError('cache', 'must be true or an object { max }');
  const { max = DEFAULT_CACHE_MAX } = option as { max?: unknown };
  if (typeof max !== 'number' || !Number.isSafeInteger(max) || max < 1)
    configError('cache.max', 'must be a positive integer');
  return max;
}

/**
 * Creates the verified-token cache from the verifier's `cache` option.
 *
 * @param option - `true` for the default size (1,000 entries), or `{ max }`
 * @example
 * ```ts
 * const cache = createTokenCache({ max: 5000 });
 * const hit = cache.get(token, Date.now() / 1000);
 * ```
 */
export function createTokenCache(option: true | { max?: number }): TokenCache {
  const max = readMax(option);
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the LRU one.
  const entries = new Map<string, Entry>();
  // Keyed on the token's last characters (its signature): hashing 48 characters instead of the
  // whole token on every lookup; an entry is only ever served for its exact token string.
  const keyOf = (token: string): string =>
    token.length > KEY_LENGTH ? token.slice(-KEY_LENGTH) : token;
  const half = max >> 1;
  let inserted = 0;
  const insert = (key: string, entry: Entry): void => {
    entry.stamp = ++inserted;
    entries.set(key, entry);
  };
  return {
    max,
    get size() {
      return entries.size;
    },
    get(token, nowSeconds, leewaySeconds = 0) {
      const key = keyOf(token);
      const entry = entries.get(key);
      if (entry === undefined || entry.token !== token) return undefined;
      if (!(nowSeconds < entry.validUntil)) {
        entries.delete(key);
        return undefined;
      }
      // Not `<`: a NaN clock is no hit either.
      if (!(nowSeconds + leewaySeconds >= entry.notBefore)) return undefined;
      if (inserted - entry.stamp >= half) {
        entries.delete(key);
        insert(key, entry);
      }
      return entry.result;
    },
    set(token, result, validUntilSeconds, notBeforeSeconds = -Infinity) {
      const key = keyOf(token);
      entries.delete(key);
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      insert(key, {
        token,
        result,
        validUntil: validUntilSeconds,
        notBefore: notBeforeSeconds,
        stamp: 0,
      });
    },
  };
}
