/**
 * Where DPoP proof ids (`jti`) are remembered for their acceptance window, so that each proof is
 * used once (RFC 9449 §11.1). `MemoryReplayStore` serves one process; a fleet of servers needs a
 * shared store (`RedisReplayStore` from `@tokenward/redis`) or a proof replayed to another
 * instance is accepted there.
 *
 * @example
 * ```ts
 * const replay: ReplayStore = new MemoryReplayStore();
 * const first = await replay.markUsed('id', Date.now() + 60_000, Date.now()); // true
 * const again = await replay.markUsed('id', Date.now() + 60_000, Date.now()); // false
 * ```
 */
export interface ReplayStore {
  /**
   * Records `id` until `expiresAt` and tells whether it was new. Must be atomic: of two calls
   * with the same id, at most one gets `true`. A store that cannot answer throws or rejects;
   * the request is then refused with `ERR_DPOP_REPLAY_UNAVAILABLE` (503, fail closed).
   *
   * @param id - a fixed-length id (base64url of a SHA-256) of the proof's key and `jti`
   * @param expiresAt - milliseconds since the epoch after which the id may be forgotten
   * @param now - the current time in milliseconds, from the authenticator's clock
   * @returns `true` the first time, `false` for an id recorded before and not yet expired
   */
  markUsed(id: string, expiresAt: number, now: number): boolean | Promise<boolean>;
}
