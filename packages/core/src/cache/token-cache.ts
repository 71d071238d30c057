import { configError } from '../errors/jwt-error.js';
import type { VerifyResult } from '../types/claims.js';

/** Default number of entries of the verified-token cache. */
export const DEFAULT_CACHE_MAX = 1000;

/**
 * Internal verified-token cache: a bounded LRU keyed on the exact token string. Results are
 * deep-frozen in place on insert, so neither the first caller nor later ones can corrupt what
 * the next request receives (freezing once is cheaper than copying on every hit).
 */
export interface TokenCache {
  /**
   * The cached result for this exact token, or `undefined` when absent or expired (an expired
   * entry is removed). A hit becomes the most recently used entry.
   *
   * @param token - the exact token string
   * @param nowSeconds - current time, NumericDate seconds
   */
  get(token: string, nowSeconds: number): VerifyResult | undefined;
  /**
   * Stores a verified result, valid while `nowSeconds < validUntilSeconds`. Deep-freezes `result`
   * in place. Evicts the least recently used entry past `max`.
   *
   * @param token - the exact token string
   * @param result - the verified header and payload (frozen by this call)
   * @param validUntilSeconds - first second at which the entry is no longer valid (e.g. `exp + leeway`)
   */
  set(token: string, result: VerifyResult, validUntilSeconds: number): void;
  /** Current number of entries. */
  readonly size: number;
  /** Maximum number of entries. */
  readonly max: number;
}

interface Entry {
  result: VerifyResult;
  validUntil: number;
}

function deepFreeze(value: unknown): void {
  // Verified results hold JSON data only; freezing before recursing also ends any cycle.
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
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
  return {
    max,
    get size() {
      return entries.size;
    },
    get(token, nowSeconds) {
      const entry = entries.get(token);
      if (entry === undefined) return undefined;
      entries.delete(token);
      if (!(nowSeconds < entry.validUntil)) return undefined;
      entries.set(token, entry);
      return entry.result;
    },
    set(token, result, validUntilSeconds) {
      deepFreeze(result);
      entries.delete(token);
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(token, { result, validUntil: validUntilSeconds });
    },
  };
}
