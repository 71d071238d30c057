import { configError } from '../errors/jwt-error.js';
import type { JwtClaims } from '../types/claims.js';
import {
  readRevocationKeys,
  readSubjectRevocation,
  readTokenRevocation,
} from './revocation-input.js';
import { readStoreOptions, type MemoryRevocationStoreOptions } from './memory-store-options.js';
import type { RevocationStore, SubjectRevocation, TokenRevocation } from './revocation-store.js';

interface Rule {
  issuedBefore: number;
  deadline: number;
}

function deleteIfExpired<K, V extends number | Rule>(map: Map<K, V>, key: K, now: number): void {
  const value = map.get(key);
  if (value !== undefined && now >= (typeof value === 'number' ? value : value.deadline)) {
    map.delete(key);
  }
}

function revokedByRule(rule: Rule | undefined, iat: unknown, now: number): boolean {
  if (rule === undefined || now >= rule.deadline) return false;
  return typeof iat !== 'number' || !Number.isFinite(iat) || iat < rule.issuedBefore;
}

/**
 * An in-process {@link RevocationStore} for one server (or tests). Semantics are those of the
 * `RevocationStore` interface: tokens keyed by (`iss ?? ''`, `jti`), subject rules keyed by
 * (`iss` or any issuer, `sub`), every entry kept until `ceil(exp + tolerance)` (tokens) or
 * `ceil(until + tolerance)` (rules) and removed after, on access and by a periodic sweep. Memory
 * grows only with revoked, unexpired tokens and live rules. Call `close()` to stop the sweep timer.
 *
 * @example
 * ```ts
 * const revocation = new MemoryRevocationStore();
 * const verifier = createVerifier({ algorithms: ['HS256'], key: secret, revocation });
 * await revocation.revoke({ jti: payload.jti, iss: payload.iss, exp: payload.exp });
 * ```
 */
export class MemoryRevocationStore implements RevocationStore {
  // iss ('' when absent) → jti → deadline (seconds).
  readonly #tokens = new Map<string, Map<string, number>>();
  // Rules without iss: sub → rule. Rules with iss: iss → sub → rule.
  readonly #anyIssuer = new Map<string, Rule>();
  readonly #byIssuer = new Map<string, Map<string, Rule>>();
  readonly #tolerance: number;
  readonly #clock: () => number;
  #timer: NodeJS.Timeout | undefined;

  /**
   * @param options - tolerance, sweep interval and clock; all optional
   */
  constructor(options: MemoryRevocationStoreOptions = {}) {
    const { toleranceSeconds, sweepIntervalSeconds, clock } = readStoreOptions(options);
    this.#tolerance = toleranceSeconds;
    this.#clock = clock;
    this.#timer = setInterval(
      () => {
        try {
          this.sweep();
        } catch {
          // A failing injected clock must not crash the process from a timer; access still checks.
        }
      },
      Math.min(sweepIntervalSeconds * 1000, 2 ** 31 - 1),
    ); // setInterval's own maximum
    this.#timer.unref();
  }

  /** Number of stored token entries and subject rules (expired ones count until swept). */
  get size(): number {
    let n = this.#anyIssuer.size;
    for (const m of this.#tokens.values()) n += m.size;
    for (const m of this.#byIssuer.values()) n += m.size;
    return n;
  }

  /**
   * Whether the claims are revoked by (iss, jti) or by a subject rule.
   *
   * @param claims - verified claims
   * @example
   * ```ts
   * if (await store.isRevoked(payload)) throw new JwtError('ERR_JWT_REVOKED');
   * ```
   */
  async isRevoked(claims: JwtClaims): Promise<boolean> {
    const { iss, jti, sub } = readRevocationKeys(claims);
    const now = this.#now();
    if (jti !== undefined) {
      const byJti = this.#tokens.get(iss ?? '');
      const deadline = byJti?.get(jti);
      if (deadline !== undefined) {
        if (now < deadline) return true;
        byJti!.delete(jti);
        if (byJti!.size === 0) this.#tokens.delete(iss ?? '');
      }
    }
    if (sub === undefined) return false;
    if (revokedByRule(this.#anyIssuer.get(sub), claims.iat, now)) return true;
    return iss !== undefined && revokedByRule(this.#byIssuer.get(iss)?.get(sub), claims.iat, now);
  }

  /**
   * Revokes one token until `ceil(exp + tolerance)`.
   *
   * @param token - the token's `jti`, `iss` and `exp`
   * @example
   * ```ts
   * await store.revoke({ jti: payload.jti, iss: payload.iss, exp: payload.exp });
   * ```
   */
  async revoke(token: TokenRevocation): Promise<void> {
    const { iss, jti, exp } = readTokenRevocation(token);
    const deadline = Math.ceil(exp + this.#tolerance);
    if (this.#now() >= deadline) return;
    let byJti = this.#tokens.get(iss);
    if (byJti === undefined) this.#tokens.set(iss, (byJti = new Map()));
    if ((byJti.get(jti) ?? -Infinity) < deadline) byJti.set(jti, deadline);
  }

  /**
   * Revokes every token of `sub` (from `iss`, or from any issuer) issued before `issuedBefore`,
   * until `ceil(until + tolerance)`.
   *
   * @param rule - subject, optional issuer, cut-off and rule lifetime
   * @example
   * ```ts
   * await store.revokeSubject({ sub: 'user-42', issuedBefore: now, until: now + 3600 });
   * ```
   */
  async revokeSubject(rule: SubjectRevocation): Promise<void> {
    const { sub, iss, issuedBefore, until } = readSubjectRevocation(rule);
    const deadline = Math.ceil(until + this.#tolerance);
    const now = this.#now();
    if (now >= deadline) return;
    let rules = this.#anyIssuer;
    if (iss !== undefined) {
      let forIss = this.#byIssuer.get(iss);
      if (forIss === undefined) this.#byIssuer.set(iss, (forIss = new Map()));
      rules = forIss;
    }
    deleteIfExpired(rules, sub, now); // an expired rule must not widen the new one
    const old = rules.get(sub);
    rules.set(sub, {
      issuedBefore: Math.max(issuedBefore, old?.issuedBefore ?? -Infinity),
      deadline: Math.max(deadline, old?.deadline ?? -Infinity),
    });
  }

  /**
   * Removes every expired entry now (the timer does this periodically).
   *
   * @example
   * ```ts
   * store.sweep();
   * ```
   */
  sweep(): void {
    const now = this.#now();
    for (const [iss, byJti] of this.#tokens) {
      for (const jti of byJti.keys()) deleteIfExpired(byJti, jti, now);
      if (byJti.size === 0) this.#tokens.delete(iss);
    }
    for (const sub of this.#anyIssuer.keys()) deleteIfExpired(this.#anyIssuer, sub, now);
    for (const [iss, rules] of this.#byIssuer) {
      for (const sub of rules.keys()) deleteIfExpired(rules, sub, now);
      if (rules.size === 0) this.#byIssuer.delete(iss);
    }
  }

  /**
   * Stops the background sweep. The store keeps answering (expired entries are still removed on
   * access). Idempotent.
   *
   * @example
   * ```ts
   * store.close();
   * ```
   */
  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #now(): number {
    const ms = this.#clock();
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      configError('clock', 'must return a finite number');
    return ms / 1000;
  }
}
