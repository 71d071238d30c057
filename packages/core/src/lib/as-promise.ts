/**
 * Runs `run` and hands back its answer as a promise: a value resolves, a returned promise is
 * passed on, a throw becomes a rejection. The promise form of the synchronous-when-possible
 * functions (`runNow`, `authenticateNow`, the extractor).
 *
 * @param run - a function that returns a value or a promise, or throws
 * @returns a promise of its answer
 * @example
 * ```ts
 * const verify = (token: string) => asPromise(() => core.runNow(token, true));
 * ```
 */
export function asPromise<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (err) {
    return Promise.reject(err as Error);
  }
}
