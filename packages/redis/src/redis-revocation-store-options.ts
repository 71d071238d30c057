import type { Cluster, Redis } from 'ioredis';
import { checkOptionNames, configError } from '@tokenward/core';

/**
 * An ioredis connection: a standalone/Sentinel `Redis` or a `Redis.Cluster`. The store only sends
 * commands on it; it never changes its options, adds listeners to it, or closes it.
 *
 * @example
 * ```ts
 * const client: RevocationRedisClient = new Redis(process.env.REDIS_URL!);
 * ```
 */
export type RevocationRedisClient = Redis | Cluster;

/**
 * Receives the store's operational messages (one line when an outage starts). Messages never
 * contain token contents.
 *
 * @example
 * ```ts
 * const logger: RevocationLogger = { warn: (message) => pino.warn(message) };
 * ```
 */
export interface RevocationLogger {
  /** Logs one warning line. */
  warn(message: string): void;
}

/**
 * The local mirror: every instance keeps the store's entries in memory, learns new ones over
 * Redis pub/sub, and reloads them all (SCAN) after every (re)connect, so `isRevoked` answers with
 * zero round trips while the subscription is live.
 *
 * @example
 * ```ts
 * new RedisRevocationStore({ client, mirror: { heartbeatMs: 2000 } });
 * ```
 */
export interface RedisMirrorOptions {
  /**
   * The connection to subscribe on; it must not be `client` (a subscribed connection cannot send
   * other commands). Default: `client.duplicate()`, which the store then owns and closes in
   * `close()`. A connection you pass is yours: the store only subscribes, and unsubscribes on close.
   */
  subscriber?: RevocationRedisClient;
  /**
   * Milliseconds between PINGs on the subscriber. A PING unanswered within `timeoutMs` marks the
   * mirror stale (lookups go to Redis) until a full resynchronisation. Default 1000.
   */
  heartbeatMs?: number;
}

/**
 * Options of `RedisRevocationStore`.
 *
 * @example
 * ```ts
 * const options: RedisRevocationStoreOptions = { client, prefix: 'myapp:revoked:', mirror: true };
 * ```
 */
export interface RedisRevocationStoreOptions {
  /** The injected ioredis client (standalone or Cluster). Never closed by the store. */
  client: RevocationRedisClient;
  /**
   * Start of every key the store writes. No `{`, `}`, whitespace or control characters: the
   * store adds its own Cluster hash tag. Default `'tokenward:revocation:'`.
   */
  prefix?: string;
  /**
   * When Redis cannot answer, `isRevoked` resolves `false` (tokens are accepted) instead of
   * rejecting with `ERR_REVOCATION_UNAVAILABLE`. Logged once per outage. Default `false`.
   */
  failOpen?: boolean;
  /** Milliseconds a Redis command may take before the store gives up on it. Default 200. */
  timeoutMs?: number;
  /**
   * Seconds an entry outlives the token's `exp` / the rule's `until`; at least the verifiers'
   * `clockTolerance`. Use the same value on every instance. Default 300.
   */
  toleranceSeconds?: number;
  /** Enables the local mirror (`true` for the defaults). Default off. */
  mirror?: boolean | RedisMirrorOptions;
  /** Where outage lines go. Default `console.warn`. */
  logger?: RevocationLogger;
}

/**
 * The defaults of {@link RedisRevocationStoreOptions}, in one place.
 *
 * @example
 * ```ts
 * REDIS_REVOCATION_DEFAULTS.timeoutMs; // 200
 * ```
 */
export const REDIS_REVOCATION_DEFAULTS = Object.freeze({
  prefix: 'tokenward:revocation:',
  failOpen: false,
  timeoutMs: 200,
  toleranceSeconds: 300,
  heartbeatMs: 1000,
});

/** Options after validation, defaults applied. */
export interface ResolvedStoreOptions {
  client: RevocationRedisClient;
  prefix: string;
  failOpen: boolean;
  timeoutMs: number;
  toleranceSeconds: number;
  mirror: { subscriber: RevocationRedisClient | undefined; heartbeatMs: number } | undefined;
  logger: RevocationLogger;
}

// eslint-disable-next-line no-console -- the documented default logger
const consoleLogger: RevocationLogger = { warn: (message) => console.warn(message) };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Whether a value is an ioredis `Redis` or `Cluster` (internal, shared by the stores). */
export function isClient(value: unknown): value is RevocationRedisClient {
  return (
    isObject(value) &&
    typeof value.mget === 'function' &&
    typeof value.eval === 'function' &&
    typeof value.status === 'string'
  );
}

/** An integer option within bounds, or a configuration error naming it (internal). */
export function integerIn(value: unknown, option: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    configError(option, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** Every option of `RedisRevocationStore` and of its `mirror`, declared once, here. */
const STORE_OPTION_KEYS = [
  'client',
  'prefix',
  'failOpen',
  'timeoutMs',
  'toleranceSeconds',
  'mirror',
  'logger',
] as const;
const MIRROR_OPTION_KEYS = ['subscriber', 'heartbeatMs'] as const;
const STORE_HINTS: Readonly<Record<string, string>> = {
  redis: 'use "client" (an ioredis instance you create and close)',
  keyPrefix: 'use "prefix"',
  timeout: 'use "timeoutMs"',
};

function readMirror(
  mirror: RedisRevocationStoreOptions['mirror'],
  client: RevocationRedisClient,
): ResolvedStoreOptions['mirror'] {
  if (mirror === undefined || mirror === false) return undefined;
  const options: RedisMirrorOptions = mirror === true ? {} : mirror;
  if (!isObject(options)) configError('mirror', 'must be a boolean or an object');
  checkOptionNames(options, MIRROR_OPTION_KEYS, 'RedisRevocationStore "mirror"');
  const { subscriber, heartbeatMs = REDIS_REVOCATION_DEFAULTS.heartbeatMs } = options;
  if (subscriber !== undefined && !isClient(subscriber)) {
    configError('mirror.subscriber', 'must be an ioredis Redis or Cluster instance');
  }
  if (subscriber === client) {
    configError('mirror.subscriber', 'must be a separate connection from "client"');
  }
  if (subscriber === undefined && typeof client.duplicate !== 'function') {
    configError('mirror.subscriber', 'is required when "client" has no duplicate()');
  }
  return { subscriber, heartbeatMs: integerIn(heartbeatMs, 'mirror.heartbeatMs', 10, 3_600_000) };
}

/**
 * Checks a key prefix (internal, shared by the stores): no `{`/`}` (the Cluster hash tag is the
 * stores' own), no whitespace or controls, at most 200 characters.
 *
 * @param prefix - the option value
 */
export function checkPrefix(prefix: unknown): asserts prefix is string {
  if (typeof prefix !== 'string' || prefix.length > 200 || /[{}\s\p{Cc}]/u.test(prefix)) {
    configError(
      'prefix',
      'must be a string of at most 200 characters without {, }, spaces or control characters',
    );
  }
}

/**
 * Validates the options of `RedisRevocationStore` and applies the defaults.
 *
 * @param options - caller options
 * @example
 * ```ts
 * const { prefix, timeoutMs } = readRedisStoreOptions({ client });
 * ```
 */
export function readRedisStoreOptions(options: RedisRevocationStoreOptions): ResolvedStoreOptions {
  if (!isObject(options)) configError('options', 'must be an object');
  checkOptionNames(options, STORE_OPTION_KEYS, 'new RedisRevocationStore()', STORE_HINTS);
  const d = REDIS_REVOCATION_DEFAULTS;
  const { client, prefix = d.prefix, failOpen = d.failOpen, logger = consoleLogger } = options;
  if (!isClient(client)) configError('client', 'must be an ioredis Redis or Cluster instance');
  checkPrefix(prefix);
  if (typeof failOpen !== 'boolean') configError('failOpen', 'must be a boolean');
  const { toleranceSeconds = d.toleranceSeconds } = options;
  if (
    typeof toleranceSeconds !== 'number' ||
    !Number.isFinite(toleranceSeconds) ||
    toleranceSeconds < 0
  ) {
    configError('toleranceSeconds', 'must be a finite number >= 0');
  }
  if (!isObject(logger) || typeof logger.warn !== 'function') {
    configError('logger', 'must be an object with a warn(message) function');
  }
  return {
    client,
    prefix,
    failOpen,
    timeoutMs: integerIn(options.timeoutMs ?? d.timeoutMs, 'timeoutMs', 1, 60_000),
    toleranceSeconds,
    mirror: readMirror(options.mirror, client),
    logger,
  };
}
