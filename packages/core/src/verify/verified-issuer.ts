import type { VerifiedIssuer } from '../types/issuer-options.js';

// The issuer entry of each claims object a verifier with `issuers` handed out.
const entries = new WeakMap<object, VerifiedIssuer>();

/**
 * Internal: records which `issuers` entry verified these claims.
 *
 * @param claims - the verified payload object
 * @param issuer - the entry
 */
export function remember(claims: object, issuer: VerifiedIssuer): void {
  entries.set(claims, issuer);
}

/**
 * Which entry of a verifier's `issuers` verified these claims: its `iss` and `label`. Works on the
 * claims every adapter hands out (`req.auth` in Express, `ctx.state.user` in Koa, `@Claims()` in
 * Nest) as long as they are the verifier's own object (a `validateClaims` that returns a new
 * object loses the link). `undefined` for claims of a verifier without `issuers`.
 *
 * @param claims - verified claims, as the verifier or an adapter returned them
 * @returns the entry, or `undefined`
 * @example
 * ```ts
 * import { issuerOf, type JwtClaims } from '@tokenward/core';
 *
 * function tenantOf(claims: JwtClaims): string | undefined {
 *   return issuerOf(claims)?.label;
 * }
 * ```
 */
export function issuerOf(claims: unknown): VerifiedIssuer | undefined {
  return typeof claims === 'object' && claims !== null ? entries.get(claims) : undefined;
}
