import {
  JwtError,
  readRevocationKeys,
  readSubjectRevocation,
  readTokenRevocation,
  type JwtClaims,
  type RevocationStore,
  type SubjectRevocation,
  type TokenRevocation,
} from '@tokenward/core';
import { deadlineOf, isRevokedBy, ruleValue } from './lib/entry-values.js';
import { createKeyLayout, type KeyLayout } from './lib/key-codec.js';
import { lookupKeys, lookupOf } from './lib/lookup.js';
import { REVOKE_SUBJECT_LUA, REVOKE_TOKEN_LUA } from './lib/lua-scripts.js';
import { MirrorSync } from './lib/mirror-sync.js';
import { OutageLog } from './lib/outage-log.js';
import { callRedis, unavailable } from './lib/redis-call.js';
import {
  readRedisStoreOptions,
  type RedisRevocationStoreOptions,
  type ResolvedStoreOptions,
} from './redis-revocation-store-options.js';

/**
 * Where the local mirror stands: `off` (no mirror), `syncing` (lookups go to Redis), `live`
 * (lookups are answered from memory), `closed`.
 *
 * @example
 * ```ts
 * if (store.mirrorState !== 'live') metrics.increment('revocation.mirror.degraded');
 * ```
 */
export type MirrorStatus = 'off' | 'syncing' | 'live' | 'closed';

/**
 * A {@link RevocationStore} on Redis, shared by every server of a fleet. Semantics are exactly
 * those of core's `MemoryRevocationStore`:
 *
 * - tokens are keyed by (`iss ?? ''`, `jti`); a token without a string `jti` cannot be revoked by
 *   `jti`;
 * - subject rules are keyed by (`iss`, `sub`); a rule without `iss` applies to the subject's tokens
 *   from every issuer; a token is revoked by a rule when it has no finite numeric `iat` or
 *   `iat < issuedBefore` (strict); several rules for one key keep the largest `issuedBefore` and
 *   `until` (merged atomically in Lua);
 * - an entry lives until `ceil(exp + toleranceSeconds)` / `ceil(until + toleranceSeconds)` (the
 *   key's `EXAT`, clamped to year 9999), never less; one whose deadline already passed stores nothing;
 * - invalid input rejects with `ERR_JWT_CONFIG_INVALID`.
 *
 * `isRevoked` costs one `MGET` of at most three keys sharing one Cluster slot (or nothing, from a
 * live mirror). When Redis is down or slower than `timeoutMs` it rejects with
 * `ERR_REVOCATION_UNAVAILABLE` (503) within `timeoutMs` — or resolves `false` with `failOpen` —
 * and recovers by itself. The injected client is never closed; `close()` stops what the store
 * started (timers, the mirror's subscription and its own duplicate connection).
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { createVerifier } from '@tokenward/core';
 * import { RedisRevocationStore } from '@tokenward/redis';
 *
 * const revocation = new RedisRevocationStore({ client: new Redis(process.env.REDIS_URL!), mirror: true });
 * const verifier = createVerifier({ algorithms: ['HS256'], key: secret, revocation });
 * await revocation.revoke({ jti: payload.jti, iss: payload.iss, exp: payload.exp }); // logout
 * ```
 */
export class RedisRevocationStore implements RevocationStore {
  readonly #options: ResolvedStoreOptions;
  readonly #layout: KeyLayout;
  readonly #outage: OutageLog;
  readonly #mirror: MirrorSync | undefined;
  #closed = false;

  /**
   * @param options - the client and optional prefix, failure policy, timeout, tolerance, mirror
   *   and logger; validated now (`ERR_JWT_CONFIG_INVALID` naming the option)
   */
  constructor(options: RedisRevocationStoreOptions) {
    const resolved = readRedisStoreOptions(options);
    this.#options = resolved;
    this.#layout = createKeyLayout(resolved.prefix);
    this.#outage = new OutageLog(resolved.logger, resolved.failOpen);
    const { mirror } = resolved;
    this.#mirror =
      mirror &&
      new MirrorSync(
        resolved.client,
        this.#layout,
        mirror.subscriber,
        mirror.heartbeatMs,
        resolved.timeoutMs,
      );
  }

  /**
   * The local mirror's state: `off` without a mirror, `syncing` while lookups go to Redis,
   * `live` while they are answered from memory, `closed` after `close()`.
   *
   * @example
   * ```ts
   * app.get('/health', (req, res) => res.json({ revocation: store.mirrorState }));
   * ```
   */
  get mirrorState(): MirrorStatus {
    return this.#mirror?.state ?? (this.#closed ? 'closed' : 'off');
  }

  /**
   * Resolves once the local mirror is live (at once without a mirror), e.g. before a server
   * starts listening. Until then lookups go to Redis, so waiting is optional.
   *
   * @example
   * ```ts
   * await Promise.race([store.ready(), sleep(2000)]);
   * ```
   */
  ready(): Promise<void> {
    return this.#mirror ? this.#mirror.ready() : Promise.resolve();
  }

  /**
   * Whether the verified claims are revoked by (iss, jti) or by a subject rule.
   *
   * @param claims - verified claims
   * @example
   * ```ts
   * if (await store.isRevoked(payload)) throw new JwtError('ERR_JWT_REVOKED');
   * ```
   */
  async isRevoked(claims: JwtClaims): Promise<boolean> {
    const keys = readRevocationKeys(claims);
    if (keys.jti === undefined && keys.sub === undefined) return false;
    const mirror = this.#mirror;
    if (mirror?.state === 'live') return mirror.table.isRevoked(keys, claims.iat, Date.now());
    const lookup = lookupOf(this.#layout, keys);
    const { client, timeoutMs } = this.#options;
    let values: Array<string | null>;
    try {
      values = await callRedis(client, timeoutMs, () =>
        client.mget(lookupKeys(this.#layout, lookup)),
      );
    } catch (err) {
      const error = err instanceof JwtError ? err : unavailable('the Redis command failed', err);
      this.#outage.failed(error.message);
      if (this.#options.failOpen) return false;
      throw error;
    }
    this.#outage.succeeded();
    const hasToken = lookup.jti !== undefined;
    return isRevokedBy(
      hasToken ? values[0] : undefined,
      hasToken ? values.slice(1) : values,
      claims.iat,
    );
  }

  /**
   * Revokes one token until `ceil(exp + toleranceSeconds)` (one atomic script: a later `exp`
   * wins over an earlier one; mirrors are notified). Rejects with `ERR_REVOCATION_UNAVAILABLE`
   * when Redis does not confirm within `timeoutMs` (whatever `failOpen` says): the revocation may
   * or may not have been stored, and retrying is safe.
   *
   * @param token - the token's `jti`, `iss` and `exp`
   * @example
   * ```ts
   * await store.revoke({ jti: payload.jti, iss: payload.iss, exp: payload.exp });
   * ```
   */
  async revoke(token: TokenRevocation): Promise<void> {
    const { iss, jti, exp } = readTokenRevocation(token);
    const deadline = deadlineOf(exp, this.#options.toleranceSeconds);
    if (deadline * 1000 <= Date.now()) return;
    const key = this.#layout.token(iss, jti);
    await this.#write(key, REVOKE_TOKEN_LUA, [String(deadline)]);
  }

  /**
   * Revokes every token of `sub` (from `iss`, or from any issuer when `iss` is absent) issued
   * before `issuedBefore`, until `ceil(until + toleranceSeconds)`. Rules for one key merge to the
   * largest `issuedBefore` and `until` atomically. Failures reject as for {@link revoke}.
   *
   * @param rule - subject, optional issuer, cut-off and rule lifetime
   * @example
   * ```ts
   * const now = Math.floor(Date.now() / 1000);
   * await store.revokeSubject({ sub: 'user-42', issuedBefore: now, until: now + 3600 });
   * ```
   */
  async revokeSubject(rule: SubjectRevocation): Promise<void> {
    const { sub, iss, issuedBefore, until } = readSubjectRevocation(rule);
    const deadline = deadlineOf(until, this.#options.toleranceSeconds);
    if (deadline * 1000 <= Date.now()) return;
    const key = iss === undefined ? this.#layout.anySubject(sub) : this.#layout.subject(iss, sub);
    const args = ruleValue(issuedBefore, until, deadline).split(' ');
    await this.#write(key, REVOKE_SUBJECT_LUA, args);
  }

  /**
   * Stops the store's own timers and mirror subscription, and disconnects the subscriber
   * connection the store duplicated. The injected `client` (and a `mirror.subscriber` you passed)
   * stays open. Idempotent. Lookups keep working afterwards, straight from Redis.
   *
   * @example
   * ```ts
   * await store.close();
   * await client.quit();
   * ```
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#mirror?.close();
  }

  async #write(key: string, script: string, args: string[]): Promise<void> {
    const { client, timeoutMs } = this.#options;
    const channel = this.#layout.channel;
    const stored = await callRedis(client, timeoutMs, () =>
      client.eval(script, 2, key, this.#layout.sequence, ...args, channel, key),
    );
    // The writer sees its own revocation at once, before pub/sub echoes it.
    if (typeof stored === 'string') this.#mirror?.table.apply(key, stored, Date.now());
  }
}
