import type { Agent } from 'node:http';
import type { JwtError } from '../errors/jwt-error.js';

/**
 * Options of {@link createRemoteJwks}. Durations are in milliseconds, as in jose's
 * `createRemoteJWKSet` and jwks-rsa.
 *
 * @example
 * ```ts
 * const options: RemoteJwksOptions = {
 *   cacheMaxAge: 10 * 60_000,
 *   staleIfError: 60 * 60_000,
 *   onError: (err, info) => console.warn(err.message, info.staleKeysInUse),
 * };
 * ```
 */
export interface RemoteJwksOptions {
  /**
   * How long a fetched set is fresh when the response has no usable `Cache-Control: max-age`.
   * Past it, the stale set keeps answering while one background refresh runs (within
   * `staleIfError`). Default 600,000 (10 min).
   */
  cacheMaxAge?: number;
  /** Least freshness taken from a response's `Cache-Control` (`no-cache` included). Default 60,000. */
  cacheAgeFloor?: number;
  /** Greatest freshness taken from a response's `Cache-Control`. Default 3,600,000 (1 h). */
  cacheAgeCeiling?: number;
  /** Least time between two fetches caused by unknown `kid`s or failures. Default 30,000. */
  cooldownDuration?: number;
  /**
   * Within a cooldown, an unknown `kid` may cause one extra fetch once the last fetch is this old,
   * so that a key published just after a fetch works within seconds, not after the whole
   * cooldown. Concurrent misses share it; at most one per cooldown. Default 5,000; a value of
   * `cooldownDuration` or more turns it off.
   */
  kidRefetchFloor?: number;
  /** Deadline of one fetch (connect, headers and body). Default 5,000. */
  timeoutDuration?: number;
  /** Largest accepted response body, in bytes. Default 262,144 (256 KiB). */
  maxResponseSize?: number;
  /**
   * How long keys stay usable once stale: requests are answered from them at once while a
   * background refresh runs, and while refreshing fails. Default 3,600,000 (1 h); `0` turns stale
   * keys off (requests then wait for the refresh). (jwks-rsa calls this `cacheMaxAgeFallback`.)
   */
  staleIfError?: number;
  /** Told about every failed fetch; `staleKeysInUse` says whether older keys still serve. */
  onError?: (error: JwtError, info: { url: string; staleKeysInUse: boolean }) => void;
  /** Allow `http:` URLs beyond loopback addresses. Default `false`: only `https:`. */
  allowInsecureHttp?: boolean;
  /**
   * Treat the URL as an OpenID issuer: fetch `<issuer>/.well-known/openid-configuration`, require
   * its `issuer` to equal the URL exactly, and use its `jwks_uri`. Default `false`.
   */
  discovery?: boolean;
  /** Extra request headers (e.g. `user-agent`). */
  headers?: Record<string, string>;
  /** HTTP(S) agent, e.g. for a proxy or custom CAs. Default: a fresh connection per fetch. */
  agent?: Agent;
  /** Current time in milliseconds since the epoch. Default `Date.now` (tests inject it). */
  clock?: () => number;
}

/** The defaults, in one place. */
export const REMOTE_JWKS_DEFAULTS = Object.freeze({
  cacheMaxAge: 600_000,
  cacheAgeFloor: 60_000,
  cacheAgeCeiling: 3_600_000,
  cooldownDuration: 30_000,
  kidRefetchFloor: 5_000,
  timeoutDuration: 5_000,
  maxResponseSize: 262_144,
  staleIfError: 3_600_000,
});

/**
 * How many entries of a fetched JWK Set are considered: the rest are ignored without being parsed
 * into keys. Providers publish a handful of keys; a hostile set must not cost a parse of thousands.
 */
export const REMOTE_JWKS_MAX_KEYS = 100;
