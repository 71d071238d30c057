import { JwtError } from '../../src/index.js';

/**
 * Runs `fn`, which must throw a `JwtError` synchronously, and returns that error (a test fails
 * when nothing is thrown or something else is).
 *
 * @param fn - the call expected to throw
 * @example
 * ```ts
 * expect(thrown(() => generateSecret('RS256' as never)).code).toBe('ERR_JWT_CONFIG_INVALID');
 * ```
 */
export function thrown(fn: () => unknown): JwtError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return err as JwtError;
  }
  throw new Error('expected a JwtError to be thrown');
}

/**
 * Awaits `promise`, which must reject with a `JwtError`, and returns that error (a test fails
 * when it resolves or rejects with something else).
 *
 * @param promise - the call expected to reject (a plain value counts as a resolution)
 * @example
 * ```ts
 * expect((await rejection(verifier.verify('x.y.z'))).code).toBe('ERR_JWT_MALFORMED');
 * ```
 */
export async function rejection(promise: unknown): Promise<JwtError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return err as JwtError;
  }
  throw new Error('expected a JwtError rejection');
}
