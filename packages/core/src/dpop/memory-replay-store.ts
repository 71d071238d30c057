import { configError, JwtError } from '../errors/jwt-error.js';
import { IdTable } from './id-table.js';
import type { ReplayStore } from './replay-store.js';
import { checkOptionNames } from '../config/check-option-names.js';

/**
 * Options of {@link MemoryReplayStore}.
 *
 * @example
 * ```ts
 * const options: MemoryReplayStoreOptions = { max: 50_000 };
 * ```
 */
export interface MemoryReplayStoreOptions {
  /**
   * Most ids held at once. When it is reached and no id has expired, new proofs are refused with
   * `ERR_DPOP_REPLAY_UNAVAILABLE` (503) rather than forgetting ids whose window is still open.
   * Default 100 000 (about 12 MB when full, outside the JavaScript heap).
   */
  max?: number;
}

const DEFAULT_MAX = 100_000;

/**
 * An in-process {@link ReplayStore} for one server, or tests: proof ids and their expiry in a
 * hash table of typed arrays (no string per id on the JavaScript heap, nothing allocated per
 * write), bounded by `max`; expired ids make room as they are met and when the table is rebuilt.
 * No timer, nothing to close. A fleet of servers needs a shared store (`RedisReplayStore`)
 * instead.
 *
 * @example
 * ```ts
 * import { createAuthenticator, MemoryReplayStore } from '@tokenward/core';
 *
 * const auth = createAuthenticator({
 *   algorithms: ['ES256'],
 *   key: process.env.JWT_PUBLIC_KEY ?? '',
 *   dpop: { mode: 'required', replay: new MemoryReplayStore({ max: 200_000 }) },
 * });
 * ```
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #ids = new IdTable();
  readonly #max: number;

  /**
   * @param options - the size bound
   */
  constructor(options: MemoryReplayStoreOptions = {}) {
    if (typeof options !== 'object' || options === null)
      configError('options', 'must be an object');
    checkOptionNames(options, ['max'], 'MemoryReplayStore');
    const { max = DEFAULT_MAX } = options;
    if (!Number.isSafeInteger(max) || max < 1) configError('max', 'must be a positive integer');
    this.#max = max;
  }

  /** Number of ids held (expired ones count until their room is reused or reclaimed). */
  get size(): number {
    return this.#ids.taken;
  }

  /**
   * Records `id` until `expiresAt`; `false` when it is already recorded and unexpired.
   *
   * @param id - the proof id
   * @param expiresAt - milliseconds since the epoch
   * @param now - the current time in milliseconds
   * @example
   * ```ts
   * store.markUsed('id', Date.now() + 60_000, Date.now()); // true, then false
   * ```
   */
  markUsed(id: string, expiresAt: number, now: number): boolean {
    const outcome = this.#ids.record(id, expiresAt, now, this.#max);
    if (outcome === 'full') throw new JwtError('ERR_DPOP_REPLAY_UNAVAILABLE');
    return outcome === 'new';
  }
}
