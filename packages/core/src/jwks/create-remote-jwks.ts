import { JwtError } from '../errors/jwt-error.js';
import { importJwkSet, type CheckedKeySet } from '../keys/import-jwk-set.js';
import { KEY_SOURCE, type KeySource, type VerificationKey } from '../keys/key-source.js';
import { fetchJson, FetchError, type FetchedJson } from '../lib/fetch-json.js';
import type { Algorithm } from '../types/algorithm.js';
import type { JwsHeader } from '../types/claims.js';
import { cacheLifetime } from './cache-lifetime.js';
import { checkJwksOptions } from './check-jwks-options.js';
import { checkUrl } from './check-url.js';
import { discoverJwksUri } from './discover-jwks-uri.js';
import { REMOTE_JWKS_MAX_KEYS, type RemoteJwksOptions } from './remote-jwks-options.js';

/**
 * A remote JWK Set, usable as the verifier's `key`.
 *
 * @example
 * ```ts
 * const jwks: RemoteJwks = createRemoteJwks('https://auth.example.com/.well-known/jwks.json');
 * await jwks.refresh(); // optional warm-up: fail at startup instead of on the first request
 * ```
 */
export interface RemoteJwks extends KeySource {
  /** The key for a token's header and (already allow-listed) algorithm; rejects with `JwtError`. */
  resolve(header: JwsHeader, alg: Algorithm): Promise<VerificationKey>;
  /** The configured URL (the issuer URL with `discovery`). */
  readonly url: string;
  /** Fetches now, ignoring cache and cooldown; rejects with `ERR_JWKS_UNAVAILABLE` on failure. */
  refresh(): Promise<void>;
  /** Aborts a fetch in flight and makes every later fetch fail; cached keys stay usable. */
  close(): void;
}

/**
 * A cached, de-duplicated, rate-limited remote JWK Set (Auth0, Keycloak, Cognito, Entra ID,
 * Google...). Nothing is fetched before the first token needs a key. See `docs/jwks.md`.
 *
 * - keys are fresh for `cacheMaxAge` (10 min), or the response's `Cache-Control: max-age` kept
 *   between `cacheAgeFloor` (1 min) and `cacheAgeCeiling` (1 h); a stale set keeps answering at
 *   once for `staleIfError` (1 h) while one background refresh runs;
 * - an unknown `kid` fetches again at most once per `cooldownDuration` (30 s), plus one extra
 *   fetch within it once the last fetch is `kidRefetchFloor` (5 s) old; concurrent misses share
 *   one request;
 * - a failed refresh keeps known keys working for `staleIfError` (1 h) and calls `onError`; with
 *   nothing usable cached the verifier fails with `ERR_JWKS_UNAVAILABLE` (503, `Retry-After`);
 * - `https:` only (loopback or `allowInsecureHttp` excepted), redirects are refused, responses
 *   are capped in time (5 s) and size (256 KiB), only the first 100 entries of a set are
 *   considered; garbage, an empty set, `use: "enc"`, `oct` keys and duplicated `kid`s never
 *   become verification keys.
 *
 * @param url - the JWK Set URL, or the OpenID issuer URL with `discovery: true`
 * @param options - cache, cooldown, timeout, size, stale-if-error, transport and discovery
 * @example
 * ```ts
 * import { createRemoteJwks, createVerifier } from '@tokenward/core';
 *
 * const verifier = createVerifier({
 *   algorithms: ['RS256'],
 *   key: createRemoteJwks('https://example.eu.auth0.com/', { discovery: true }),
 *   issuer: 'https://example.eu.auth0.com/',
 *   audience: 'https://api.example.com',
 * });
 * ```
 */
export function createRemoteJwks(url: string | URL, options: RemoteJwksOptions = {}): RemoteJwks {
  const o = checkJwksOptions(options);
  const configured = checkUrl(url, 'url', o.allowInsecureHttp);
  const name = typeof url === 'string' ? url : url.href;
  const controller = new AbortController();
  let jwksUrl = o.discovery ? undefined : configured;
  let keys: CheckedKeySet | undefined;
  // Fresh until freshUntil (cacheMaxAge or the response's Cache-Control), then usable for
  // staleIfError more while a background refresh runs.
  let freshUntil = -Infinity;
  // The cooldown window starts with each regular fetch; one extra fetch for an unknown kid may
  // happen inside it (kidRefetchFloor), which moves attemptedAt but not the window.
  let windowStart = -Infinity;
  let attemptedAt = -Infinity;
  let extraSpent = false;
  // Why the last fetch failed; every caller gets its own JwtError built from it.
  let failure: { reason: string; cause: unknown } | undefined;
  let inflight: Promise<void> | undefined;

  const fetch = (target: URL): Promise<FetchedJson> =>
    fetchJson(target, {
      timeout: o.timeoutDuration,
      maxSize: o.maxResponseSize,
      headers: o.headers,
      agent: o.agent,
      signal: controller.signal,
    });
  const get = (target: URL): Promise<unknown> => fetch(target).then((fetched) => fetched.body);

  async function load(): Promise<{ set: CheckedKeySet; lifetime: number }> {
    if (controller.signal.aborted) throw new FetchError('the key set was closed');
    jwksUrl ??= await discoverJwksUri(name, get, o.allowInsecureHttp);
    const { body, headers } = await fetch(jwksUrl);
    let set: CheckedKeySet;
    try {
      set = importJwkSet(body, { lenient: true, option: 'jwks', maxKeys: REMOTE_JWKS_MAX_KEYS });
    } catch (err) {
      throw new FetchError('the response is not a JWK Set', err);
    }
    if (set.size === 0) throw new FetchError('the JWK Set holds no usable verification key');
    return { set, lifetime: cacheLifetime(headers, o) };
  }

  const usableUntil = (): number => freshUntil + o.staleIfError;
  const unavailable = (reason: string, cause?: unknown): JwtError => {
    const wait = Math.ceil((windowStart + o.cooldownDuration - o.clock()) / 1000);
    return new JwtError('ERR_JWKS_UNAVAILABLE', `The key set could not be fetched: ${reason}`, {
      retryAfter: Math.max(1, wait),
      cause,
      details: { url: withoutSecrets(name), reason: 'fetch_failed', received: reason },
    });
  };

  // One fetch at a time; every caller in the meantime shares it. Never rejects.
  function reload(extra = false): Promise<void> {
    if (inflight !== undefined) return inflight;
    attemptedAt = o.clock();
    if (extra) extraSpent = true;
    else {
      windowStart = attemptedAt;
      extraSpent = false;
    }
    inflight = load()
      .then(
        ({ set, lifetime }) => {
          keys = set;
          freshUntil = o.clock() + lifetime;
          failure = undefined;
        },
        (err: unknown) => {
          failure = { reason: err instanceof Error ? err.message : 'fetch failed', cause: err };
          const staleKeysInUse = keys !== undefined && o.clock() < usableUntil();
          try {
            o.onError?.(unavailable(failure.reason, err), { url: name, staleKeysInUse });
          } catch {
            // A throwing hook must not break authentication.
          }
        },
      )
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  const coolingDown = (now: number): boolean => now - windowStart < o.cooldownDuration;
  // The one extra fetch an unknown kid may cause within a cooldown.
  const extraAllowed = (now: number): boolean =>
    !extraSpent && now - attemptedAt >= o.kidRefetchFloor;

  function pick(kid: string | undefined, alg: Algorithm): VerificationKey | undefined {
    const key = keys?.select(kid, alg);
    if (key !== undefined || kid === undefined) return key;
    const known = keys?.byKid(kid);
    // A known kid with the wrong alg is no reason to fetch again.
    if (known !== undefined) {
      throw new JwtError(
        known.pinned === undefined ? 'ERR_JWT_KEY_INVALID' : 'ERR_JWT_ALG_NOT_ALLOWED',
      );
    }
    return undefined;
  }

  async function resolve(header: JwsHeader, alg: Algorithm): Promise<VerificationKey> {
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    const now = o.clock();
    if (keys !== undefined && now < usableUntil()) {
      // Stale-while-revalidate: a stale set still answers at once while one background refresh
      // runs (after a failure, one per cooldown). reload() never rejects.
      const stale = now >= freshUntil;
      if (stale && inflight === undefined && (failure === undefined || !coolingDown(now))) {
        void reload();
      }
      const key = pick(kid, alg);
      if (key !== undefined) return key;
      if (inflight !== undefined || !coolingDown(now)) await reload();
      else if (extraAllowed(now)) await reload(true);
      else throw new JwtError('ERR_JWT_KEY_NOT_FOUND');
    } else if (inflight !== undefined || failure === undefined || !coolingDown(now)) {
      // Never fetched, or past the stale window: wait for a fetch (a failure is retried only
      // after the cooldown).
      await reload();
    }
    if (keys !== undefined && o.clock() < usableUntil()) {
      const key = pick(kid, alg);
      if (key !== undefined) return key;
      throw new JwtError('ERR_JWT_KEY_NOT_FOUND');
    }
    throw unavailable(failure?.reason ?? 'no usable keys', failure?.cause);
  }

  return {
    [KEY_SOURCE]: true,
    url: name,
    resolve,
    async refresh() {
      await reload();
      if (failure !== undefined) throw unavailable(failure.reason, failure.cause);
    },
    close() {
      controller.abort();
    },
  };
}

// A URL for details: no user info, query or fragment (they may carry credentials).
function withoutSecrets(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}
