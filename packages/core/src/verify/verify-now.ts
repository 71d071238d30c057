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
 * The synchronous-when-possible form of `verify` of a verifier from `createVerifier`, or
 * `undefined` for any other object with a `verify` method.
 *
 * @param verifier - a verifier, ours or one given by the user
 * @returns its own `VerifyNow`, if it has one
 * @example
 * ```ts
 * const own = ownVerifyNow(verifier);
 * const verifyNow = own ?? ((token: string) => verifier.verify(token));
 * ```
 */
export function ownVerifyNow(verifier: Verifier): VerifyNow | undefined {
  const own = (verifier as unknown as Record<symbol, VerifyNow | undefined>)[VERIFY_NOW];
  return typeof own === 'function' ? own : undefined;
}
