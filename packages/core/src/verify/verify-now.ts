import type { VerifyResult } from '../types/claims.js';
import type { Verifier } from '../types/verifier-options.js';

/**
 * Internal: where a verifier made by `createVerifier` keeps its synchronous-when-possible form of
 * `verify`. `Symbol.for`, so the ESM and CJS builds of this package find each other's.
 */
export const VERIFY_NOW = Symbol.for('@tokenward/core.verifyNow');

/** `verify` answered synchronously when no step has to wait; throws `JwtError` instead of rejecting. */
export type VerifyNow = (token: string) => VerifyResult | Promise<VerifyResult>;

/**
 * The fastest way to verify with `verifier`: its own synchronous form when it has one (any
 * verifier from `createVerifier`), else its promise-returning `verify`.
 *
 * @param verifier - a verifier, ours or one given by the user
 * @returns a function that verifies one token
 * @example
 * ```ts
 * const verifyNow = verifyNowOf(verifier);
 * const result = verifyNow(token); // a result, or a Promise of one
 * ```
 */
export function verifyNowOf(verifier: Verifier): VerifyNow {
  const own = (verifier as unknown as Record<symbol, VerifyNow | undefined>)[VERIFY_NOW];
  return typeof own === 'function' ? own : (token) => verifier.verify(token);
}
