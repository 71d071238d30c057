import { deadlineOfValue, mergeValues } from './entry-values.js';

/**
 * The local copy of a store's entries, keyed by the same key strings as Redis, so a lookup reads
 * exactly what an `MGET` would. Token entries keep only their expiry (ms); subject rules keep
 * their value. Entries are merged like the Lua scripts merge (maximum per field) and dropped at
 * the same deadline as the Redis key.
 */
export class MirrorTable {
  private readonly tokens = new Map<string, number>();
  private readonly rules = new Map<string, string>();

  /** How many entries are held. */
  get size(): number {
    return this.tokens.size + this.rules.size;
  }

  /**
   * Merges one entry, as announced over pub/sub or read by a reload.
   *
   * @param key - the Redis key (without the client's keyPrefix)
   * @param value - the stored value
   * @param now - current time, ms
   */
  apply(key: string, value: string, now: number): void {
    if (!value.includes(' ')) {
      // An unreadable deadline keeps the entry: Redis answers "revoked" for it too.
      const expiresAt = deadlineOfValue(value) * 1000;
      const previous = this.tokens.get(key);
      const next = previous !== undefined && previous > expiresAt ? previous : expiresAt;
      if (next > now || Number.isNaN(next)) this.tokens.set(key, next);
      return;
    }
    // An expired rule must not widen the new one (Redis no longer has it either).
    const previous = this.rule(key, now);
    const merged = previous === undefined ? value : mergeValues(previous, value);
    const expiresAt = deadlineOfValue(merged) * 1000;
    if (expiresAt > now || Number.isNaN(expiresAt)) this.rules.set(key, merged);
  }

  /**
   * The token entry under `key`, as `MGET` would return it.
   *
   * @param key - a token key
   * @param now - current time, ms
   */
  token(key: string, now: number): string | undefined {
    const expiresAt = this.tokens.get(key);
    if (expiresAt === undefined) return undefined;
    if (expiresAt <= now) {
      this.tokens.delete(key);
      return undefined;
    }
    return String(expiresAt / 1000);
  }

  /**
   * The subject rule under `key`, as `MGET` would return it.
   *
   * @param key - a subject rule key
   * @param now - current time, ms
   */
  rule(key: string, now: number): string | undefined {
    const value = this.rules.get(key);
    if (value === undefined) return undefined;
    if (deadlineOfValue(value) * 1000 <= now) {
      this.rules.delete(key);
      return undefined;
    }
    return value;
  }

  /**
   * Drops every entry whose deadline passed (memory only; lookups already ignore them).
   *
   * @param now - current time, ms
   */
  sweep(now: number): void {
    for (const [key, expiresAt] of this.tokens) if (expiresAt <= now) this.tokens.delete(key);
    for (const [key, value] of this.rules) {
      if (deadlineOfValue(value) * 1000 <= now) this.rules.delete(key);
    }
  }

  /** Forgets everything (the store closed). */
  clear(): void {
    this.tokens.clear();
    this.rules.clear();
  }
}
