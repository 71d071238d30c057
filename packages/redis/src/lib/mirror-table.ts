import { deadlineOfValue, mergeValues } from './entry-values.js';

// Token deadlines are kept as seconds after this instant: small integers stay unboxed in V8
// (until 2054; later ones are just boxed), which saves 16 bytes per revoked token.
const SECONDS_BASE = 1_600_000_000;

// A flat copy of an ASCII suffix: a slice would keep the whole message or key alive.
const detach = (text: string): string => Buffer.from(text, 'latin1').toString('latin1');

/**
 * The local copy of a store's entries, keyed by the Redis key suffixes (see `KeyLayout`), so a
 * lookup reads exactly what an `MGET` would. Token entries are grouped by encoded issuer and keep
 * only their deadline; subject rules keep their value. Entries merge as the Lua scripts merge
 * (maximum per field) and go at the same deadline as the Redis key.
 */
export class MirrorTable {
  // encoded iss → encoded jti → deadline - SECONDS_BASE
  private readonly tokens = new Map<string, Map<string, number>>();
  // 'a:<sub>' | 's:<iss>:<sub>' → "<issuedBefore> <until> <deadline>"
  private readonly rules = new Map<string, string>();

  /** @param base - the layout's `<prefix>{tw}:` */
  constructor(private readonly base: string) {}

  /** How many entries are held. */
  get size(): number {
    let n = this.rules.size;
    for (const byJti of this.tokens.values()) n += byJti.size;
    return n;
  }

  /**
   * Merges one entry, as announced over pub/sub or read by a reload.
   *
   * @param key - the full Redis key (without the client's keyPrefix)
   * @param value - the stored value
   * @param now - current time, ms
   */
  apply(key: string, value: string, now: number): void {
    const suffix = key.slice(this.base.length);
    if (suffix.startsWith('t:')) {
      const colon = suffix.indexOf(':', 2);
      if (colon < 0) return;
      // An unreadable deadline (NaN) keeps the entry: Redis answers "revoked" for it too.
      const deadline = deadlineOfValue(value);
      if (deadline * 1000 <= now) return;
      const iss = suffix.slice(2, colon);
      let byJti = this.tokens.get(iss);
      if (byJti === undefined) this.tokens.set(detach(iss), (byJti = new Map()));
      const jti = detach(suffix.slice(colon + 1));
      const previous = byJti.get(jti);
      if (previous === undefined || !(previous + SECONDS_BASE >= deadline)) {
        byJti.set(jti, deadline - SECONDS_BASE);
      }
      return;
    }
    // An expired rule must not widen the new one (Redis no longer has it either).
    const previous = this.rule(suffix, now);
    const merged = previous === undefined ? value : mergeValues(previous, value);
    const deadline = deadlineOfValue(merged);
    if (deadline * 1000 > now || Number.isNaN(deadline)) this.rules.set(detach(suffix), merged);
  }

  /**
   * Whether the token entry (encoded iss, encoded jti) is present and not expired.
   *
   * @param iss - encoded issuer
   * @param jti - encoded jti
   * @param now - current time, ms
   */
  hasToken(iss: string, jti: string, now: number): boolean {
    const byJti = this.tokens.get(iss);
    const deadline = byJti?.get(jti);
    if (deadline === undefined) return false;
    if ((deadline + SECONDS_BASE) * 1000 > now || Number.isNaN(deadline)) return true;
    byJti!.delete(jti);
    if (byJti!.size === 0) this.tokens.delete(iss);
    return false;
  }

  /**
   * The subject rule under a key suffix, as `MGET` would return it.
   *
   * @param suffix - `a:<sub>` or `s:<iss>:<sub>`
   * @param now - current time, ms
   */
  rule(suffix: string, now: number): string | undefined {
    const value = this.rules.get(suffix);
    if (value === undefined) return undefined;
    if (deadlineOfValue(value) * 1000 <= now) {
      this.rules.delete(suffix);
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
    for (const [iss, byJti] of this.tokens) {
      for (const [jti, deadline] of byJti) {
        if ((deadline + SECONDS_BASE) * 1000 <= now) byJti.delete(jti);
      }
      if (byJti.size === 0) this.tokens.delete(iss);
    }
    for (const suffix of this.rules.keys()) this.rule(suffix, now);
  }

  /** Forgets everything (the store closed). */
  clear(): void {
    this.tokens.clear();
    this.rules.clear();
  }
}
