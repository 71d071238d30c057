import { deadlineOfValue, isRevokedBy, mergeValues } from './entry-values.js';
import { componentKey, componentKeyFromEncoded } from './mirror-key.js';
import type { RevocationKeys } from '@tokenward/core';

// Token deadlines are kept as seconds after this instant: small integers stay unboxed in V8
// (until 2054; later ones are just boxed), which saves 16 bytes per revoked token.
const SECONDS_BASE = 1_600_000_000;

type Nested<V> = Map<string, Map<string, V>>;

function nestedSet<V>(map: Nested<V>, outer: string, inner: string, value: V): void {
  let byInner = map.get(outer);
  if (byInner === undefined) map.set(outer, (byInner = new Map()));
  byInner.set(inner, value);
}

function nestedDelete<V>(map: Nested<V>, outer: string, inner: string): void {
  const byInner = map.get(outer);
  if (byInner?.delete(inner) && byInner.size === 0) map.delete(outer);
}

/**
 * The local copy of a store's entries, shaped like `MemoryRevocationStore`: tokens by
 * (iss, jti), rules for any issuer by sub, rules for one issuer by (iss, sub), all keyed by the
 * raw claim values (see `componentKey`), so a lookup costs no encoding. Entries come from Redis
 * keys and values (pub/sub or reload), merge as the Lua scripts merge (maximum per field), and
 * go at the same deadline as the Redis key; a lookup answers exactly what an `MGET` would.
 */
export class MirrorTable {
  private readonly tokens: Nested<number> = new Map(); // iss → jti → deadline - SECONDS_BASE
  private readonly anyIssuer = new Map<string, string>(); // sub → rule value
  private readonly byIssuer: Nested<string> = new Map(); // iss → sub → rule value

  /** @param base - the layout's `<prefix>{tw}:` */
  constructor(private readonly base: string) {}

  /** How many entries are held. */
  get size(): number {
    let n = this.anyIssuer.size;
    for (const m of this.tokens.values()) n += m.size;
    for (const m of this.byIssuer.values()) n += m.size;
    return n;
  }

  /**
   * Merges one entry, as announced over pub/sub or read by a reload; ignores keys no store writes.
   *
   * @param key - the full Redis key (without the client's keyPrefix)
   * @param value - the stored value
   * @param now - current time, ms
   */
  apply(key: string, value: string, now: number): void {
    const [kind, ...encoded] = key.slice(this.base.length).split(':');
    const parts = encoded.map(componentKeyFromEncoded);
    if (parts.some((part) => part === undefined)) return;
    const [a, b] = parts as string[];
    if (kind === 't' && b !== undefined) return this.applyToken(a!, b, value, now);
    if (kind === 'a' && b === undefined) return this.applyRule(undefined, a!, value, now);
    if (kind === 's' && b !== undefined) this.applyRule(a!, b, value, now);
  }

  /**
   * Whether the claims are revoked, with the same decision as for Redis answers.
   *
   * @param claims - the claims as read by core's `readRevocationKeys`
   * @param iat - the token's `iat` as received
   * @param now - current time, ms
   */
  isRevoked({ iss, jti, sub }: RevocationKeys, iat: unknown, now: number): boolean {
    const issKey = componentKey(iss ?? '');
    if (jti !== undefined && this.token(issKey, componentKey(jti), now)) return true;
    if (sub === undefined) return false;
    const subKey = componentKey(sub);
    const rules = [this.rule(undefined, subKey, now)];
    if (iss !== undefined) rules.push(this.rule(issKey, subKey, now));
    return isRevokedBy(undefined, rules, iat);
  }

  /**
   * Drops every entry whose deadline passed (memory only; lookups already ignore them).
   *
   * @param now - current time, ms
   */
  sweep(now: number): void {
    for (const [iss, byJti] of this.tokens)
      for (const jti of byJti.keys()) this.token(iss, jti, now);
    for (const sub of this.anyIssuer.keys()) this.rule(undefined, sub, now);
    for (const [iss, rules] of this.byIssuer)
      for (const sub of rules.keys()) this.rule(iss, sub, now);
  }

  /** Forgets everything (the store closed). */
  clear(): void {
    this.tokens.clear();
    this.anyIssuer.clear();
    this.byIssuer.clear();
  }

  private applyToken(iss: string, jti: string, value: string, now: number): void {
    // An unreadable deadline (NaN) keeps the entry: Redis answers "revoked" for it too.
    const deadline = deadlineOfValue(value);
    if (deadline * 1000 <= now) return;
    const previous = this.tokens.get(iss)?.get(jti);
    if (previous === undefined || !(previous + SECONDS_BASE >= deadline)) {
      nestedSet(this.tokens, iss, jti, deadline - SECONDS_BASE);
    }
  }

  private applyRule(iss: string | undefined, sub: string, value: string, now: number): void {
    // An expired rule must not widen the new one (Redis no longer has it either).
    const previous = this.rule(iss, sub, now);
    const merged = previous === undefined ? value : mergeValues(previous, value);
    const deadline = deadlineOfValue(merged);
    if (!(deadline * 1000 > now || Number.isNaN(deadline))) return;
    if (iss === undefined) this.anyIssuer.set(sub, merged);
    else nestedSet(this.byIssuer, iss, sub, merged);
  }

  private token(iss: string, jti: string, now: number): boolean {
    const deadline = this.tokens.get(iss)?.get(jti);
    if (deadline === undefined) return false;
    if ((deadline + SECONDS_BASE) * 1000 > now || Number.isNaN(deadline)) return true;
    nestedDelete(this.tokens, iss, jti);
    return false;
  }

  private rule(iss: string | undefined, sub: string, now: number): string | undefined {
    const value = iss === undefined ? this.anyIssuer.get(sub) : this.byIssuer.get(iss)?.get(sub);
    if (value === undefined || deadlineOfValue(value) * 1000 > now) return value;
    if (iss === undefined) this.anyIssuer.delete(sub);
    else nestedDelete(this.byIssuer, iss, sub);
    return undefined;
  }
}
