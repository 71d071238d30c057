import { JwtError } from '../errors/jwt-error.js';
import { createStringLookup } from '../lib/string-lookup.js';
import type { IssuerOptions } from '../types/issuer-options.js';
import type { IssuerScope } from './issuer-scope.js';
import { VERIFIER_DEFAULTS } from './verifier-defaults.js';

/** Chooses the scope of a token from its unverified `iss`, from the allow-list only (internal). */
export interface IssuerSelector {
  /** The scope of `iss`; throws `ERR_JWT_ISSUER_MISMATCH` for anything not allow-listed. */
  select(iss: unknown): IssuerScope;
  /** How many entries are live. */
  readonly size: number;
  /** Closes the remote JWK Sets the verifier created. */
  close(): void;
}

/** Builds the scope of an allow-listed issuer (may throw a configuration error). */
export type ScopeBuilder = (iss: string, entry: unknown) => IssuerScope;

const mismatch = (): never => {
  throw new JwtError('ERR_JWT_ISSUER_MISMATCH');
};

/**
 * The selector of a fixed `issuers` map: every entry built now, selection one exact-match lookup
 * (a few characters pick the bucket, `===` confirms: no hashing of the token's fresh `iss`).
 *
 * @param issuers - the map, validated as an object
 * @param build - reads one entry
 */
export function fixedIssuers(
  issuers: Readonly<Record<string, unknown>>,
  build: ScopeBuilder,
): IssuerSelector {
  const scopes = new Map<string, IssuerScope>();
  for (const iss of Object.keys(issuers)) scopes.set(iss, build(iss, issuers[iss]));
  const lookup = createStringLookup(scopes);
  return {
    select: (iss) => (typeof iss === 'string' ? lookup(iss) : undefined) ?? mismatch(),
    size: scopes.size,
    close() {
      for (const scope of scopes.values()) scope.owned?.close();
    },
  };
}

/**
 * The selector of a function `issuers`: its answers kept in an approximately-LRU map of at most
 * `max` entries (an evicted entry's remote JWK Set is closed), and at most `max` new entries per
 * window of `VERIFIER_DEFAULTS.issuerWindow`: beyond, a new issuer waits (`ERR_JWKS_UNAVAILABLE`,
 * `Retry-After`), so a flood of made-up tenants cannot cause unbounded fetches or memory.
 *
 * @param lookup - the user's allow-list function
 * @param build - reads one entry
 * @param max - `maxIssuers`
 * @param clock - milliseconds since the epoch
 */
export function dynamicIssuers(
  lookup: (iss: string) => IssuerOptions | undefined,
  build: ScopeBuilder,
  max: number,
  clock: () => number,
): IssuerSelector {
  // Insertion order is recency: an entry used while in the older half moves to the end.
  const scopes = new Map<string, { scope: IssuerScope; stamp: number }>();
  const half = max >> 1;
  let stamp = 0;
  let windowStart = -Infinity;
  let created = 0;

  function admit(iss: string): IssuerScope {
    let entry: IssuerOptions | undefined;
    try {
      entry = lookup(iss);
    } catch (err) {
      throw new JwtError('ERR_JWT_CONFIG_INVALID', 'The "issuers" function failed', { cause: err });
    }
    if (entry === undefined || entry === null) return mismatch();
    const now = clock();
    if (!(now - windowStart < VERIFIER_DEFAULTS.issuerWindow)) {
      windowStart = now;
      created = 0;
    }
    if (created >= max) {
      const wait = Math.ceil((windowStart + VERIFIER_DEFAULTS.issuerWindow - now) / 1000);
      throw new JwtError('ERR_JWKS_UNAVAILABLE', 'Too many new issuers at once', {
        retryAfter: Math.max(1, wait),
      });
    }
    created++;
    const scope = build(iss, entry);
    if (scopes.size >= max) {
      const [oldest, old] = scopes.entries().next().value as [string, { scope: IssuerScope }];
      scopes.delete(oldest);
      old.scope.retired = true;
      old.scope.owned?.close();
    }
    scopes.set(iss, { scope, stamp: ++stamp });
    return scope;
  }

  return {
    select(iss) {
      if (typeof iss !== 'string') return mismatch();
      const known = scopes.get(iss);
      if (known === undefined) return admit(iss);
      if (stamp - known.stamp >= half) {
        scopes.delete(iss);
        known.stamp = ++stamp;
        scopes.set(iss, known);
      }
      return known.scope;
    },
    get size() {
      return scopes.size;
    },
    close() {
      for (const { scope } of scopes.values()) scope.owned?.close();
    },
  };
}
