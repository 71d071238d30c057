import {
  anySubjectSuffix,
  encodeComponent,
  subjectSuffix,
  tokenSuffix,
  type KeyLayout,
} from './key-codec.js';
import type { RevocationKeys } from '@tokenward/core';

/** The entries one `isRevoked` reads, as key suffixes (see `KeyLayout`). */
export interface Lookup {
  /** Encoded `iss ?? ''`. */
  readonly iss: string;
  /** Encoded `jti`, when the token has one. */
  readonly jti: string | undefined;
  /** The any-issuer rule, then the issuer-bound rule (only for a token with `iss`). */
  readonly rules: readonly string[];
}

/**
 * What to read in Redis for some claims (with a `jti` or a `sub`).
 *
 * @param layout - the store's key layout
 * @param claims - the claims as read by core's `readRevocationKeys`
 * @example
 * ```ts
 * const lookup = lookupOf(layout, readClaims(payload));
 * ```
 */
export function lookupOf(layout: KeyLayout, { iss, jti, sub }: RevocationKeys): Lookup {
  const encIss = layout.issuer(iss ?? '');
  const rules: string[] = [];
  if (sub !== undefined) {
    const encSub = encodeComponent(sub);
    rules.push(anySubjectSuffix(encSub));
    if (iss !== undefined) rules.push(subjectSuffix(encIss, encSub));
  }
  return { iss: encIss, jti: jti === undefined ? undefined : encodeComponent(jti), rules };
}

/**
 * The full keys of a lookup for one `MGET` (all in the store's slot): token key first, if any.
 *
 * @param layout - the store's key layout
 * @param lookup - what to read
 * @example
 * ```ts
 * const values = await client.mget(lookupKeys(layout, lookup));
 * ```
 */
export function lookupKeys(layout: KeyLayout, lookup: Lookup): string[] {
  const keys = lookup.rules.map((suffix) => layout.base + suffix);
  if (lookup.jti !== undefined) keys.unshift(layout.base + tokenSuffix(lookup.iss, lookup.jti));
  return keys;
}
