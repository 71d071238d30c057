import { configError, JwtError } from '../errors/jwt-error.js';
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
   * Default 100 000 (about 10 MB).
   */
  max?: number;
}

const DEFAULT_MAX = 100_000;
// Expired ids removed from the oldest end on each write: bounded work per request.
const SWEEP_STEP = 8;

/**
 * An in-process {@link ReplayStore} for one server, or tests: a `Map` of proof ids to their
 * expiry, bounded by `max`, swept a little on every write and fully when full. No timer, nothing
 * to close. A fleet of servers needs a shared store (`RedisReplayStore`) instead.
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
  readonly #ids = new Map<string, number>();
  readonly #max: number;
  #frontExpiresAt = -Infinity;

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

  /** Number of ids held (expired ones count until swept). */
  get size(): number {
    return this.#ids.size;
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
    const known = this.#ids.get(id);
    if (known !== undefined) {
      if (known > now) return false;
      this.#ids.delete(id);
    }
    this.#sweep(now, SWEEP_STEP);
    if (this.#ids.size >= this.#max) {
      this.#sweep(now, Infinity);
      if (this.#ids.size >= this.#max) throw new JwtError('ERR_DPOP_REPLAY_UNAVAILABLE');
    }
    this.#ids.set(id, expiresAt);
    return true;
  }

  // Ids are written in about expiry order (one window for all): expired ones gather at the front.
  // A bounded sweep stops at the first id not yet expired, so until that id's expiry there is
  // nothing for it to do: its expiry is kept (-Infinity when unknown) and the walk skipped.
  #sweep(now: number, limit: number): void {
    if (limit !== Infinity && now < this.#frontExpiresAt) return;
    let front = -Infinity;
    let seen = 0;
    for (const [id, expiresAt] of this.#ids) {
      if (expiresAt <= now) this.#ids.delete(id);
      else if (front === -Infinity) {
        front = expiresAt;
        if (limit !== Infinity) break;
      }
      if (++seen >= limit) break;
    }
    this.#frontExpiresAt = front;
  }
}
