/**
 * Whether `value` is a promise or another thenable (what `await` would wait for).
 *
 * @param value - anything
 * @example
 * ```ts
 * if (isThenable(answer)) return answer.then(next);
 * ```
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
