import { checkOptionNames, configError, JwtError, type ReplayStore } from '@tokenward/core';
import { callRedis, RETRY_AFTER_SECONDS } from './lib/redis-call.js';
import {
  checkPrefix,
  integerIn,
  isClient,
  type RevocationRedisClient,
} from './redis-revocation-store-options.js';

/**
 * Options of {@link RedisReplayStore}.
 *
 * @example
 * ```ts
 * const options: RedisReplayStoreOptions = { client, prefix: 'myapp:dpop:' };
 * ```
 */
export interface RedisReplayStoreOptions {
  /** The injected ioredis client (standalone or Cluster). Never closed by the store. */
  client: RevocationRedisClient;
  /**
   * Start of every key (`<prefix><id>`): no `{`, `}`, whitespace or control characters, so each
   * key hashes on its own in a Cluster. Default `'tokenward:dpop:'`.
   */
  prefix?: string;
  /** Milliseconds a Redis command may take before the request fails closed. Default 200. */
  timeoutMs?: number;
}

/** The option names of {@link RedisReplayStoreOptions}, one list (for unknown-option checks). */
export const REDIS_REPLAY_OPTION_NAMES = ['client', 'prefix', 'timeoutMs'] as const;

/**
 * The defaults of {@link RedisReplayStoreOptions}, in one place.
 *
 * @example
 * ```ts
 * REDIS_REPLAY_DEFAULTS.prefix; // 'tokenward:dpop:'
 * ```
 */
export const REDIS_REPLAY_DEFAULTS = Object.freeze({ prefix: 'tokenward:dpop:', timeoutMs: 200 });

// Ids from core are base64url SHA-256 (43 characters); anything else is a caller's bug.
const ID = /^[A-Za-z0-9_-]{1,128}$/;

function replayUnavailable(reason: string, cause?: unknown): JwtError {
  return new JwtError('ERR_DPOP_REPLAY_UNAVAILABLE', `DPoP replay store unavailable: ${reason}`, {
    retryAfter: RETRY_AFTER_SECONDS,
    cause,
  });
}

/**
 * A DPoP {@link ReplayStore} shared by a fleet of servers: a proof used on one instance is
 * refused on every other. One round trip per proof (`SET key 1 NX PX ttl`: atomic, so of two
 * instances receiving the same proof at once exactly one accepts it), one key per proof that
 * Redis expires when the proof's window closes. Every key stands alone (no hash tag), so a
 * Cluster spreads them over its shards. When Redis cannot answer within `timeoutMs`, the request
 * fails closed: `ERR_DPOP_REPLAY_UNAVAILABLE` (503, `Retry-After`).
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { createAuthenticator } from '@tokenward/core';
 * import { RedisReplayStore } from '@tokenward/redis';
 *
 * const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
 * const auth = createAuthenticator({
 *   algorithms: ['ES256'],
 *   key: process.env.JWT_PUBLIC_KEY ?? '',
 *   dpop: { mode: 'required', replay: new RedisReplayStore({ client }) },
 * });
 * ```
 */
export class RedisReplayStore implements ReplayStore {
  readonly #client: RevocationRedisClient;
  readonly #prefix: string;
  readonly #timeoutMs: number;

  /**
   * @param options - the client, key prefix and command deadline
   */
  constructor(options: RedisReplayStoreOptions) {
    if (typeof options !== 'object' || options === null)
      configError('options', 'must be an object');
    checkOptionNames(options, REDIS_REPLAY_OPTION_NAMES, 'RedisReplayStore');
    const { client, prefix = REDIS_REPLAY_DEFAULTS.prefix } = options;
    if (!isClient(client)) configError('client', 'must be an ioredis Redis or Cluster instance');
    checkPrefix(prefix);
    this.#client = client;
    this.#prefix = prefix;
    this.#timeoutMs = integerIn(
      options.timeoutMs ?? REDIS_REPLAY_DEFAULTS.timeoutMs,
      'timeoutMs',
      1,
      60_000,
    );
  }

  /**
   * Records `id` until `expiresAt` with one `SET NX PX`; `false` when another request (on any
   * instance) recorded it first.
   *
   * @param id - the proof id from core (base64url)
   * @param expiresAt - milliseconds since the epoch
   * @param now - the current time in milliseconds
   * @example
   * ```ts
   * await store.markUsed(id, Date.now() + 60_000, Date.now()); // true, then false
   * ```
   */
  async markUsed(id: string, expiresAt: number, now: number): Promise<boolean> {
    if (typeof id !== 'string' || !ID.test(id)) {
      throw new JwtError('ERR_DPOP_PROOF_INVALID', 'The replay id is not a proof id');
    }
    const ttl = Math.max(1, Math.ceil(expiresAt - now));
    const client = this.#client;
    const answer = await callRedis(
      client,
      this.#timeoutMs,
      () => client.set(`${this.#prefix}${id}`, '1', 'PX', ttl, 'NX'),
      replayUnavailable,
    );
    return answer === 'OK';
  }
}
