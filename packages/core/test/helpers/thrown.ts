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
