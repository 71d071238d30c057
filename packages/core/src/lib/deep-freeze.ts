/**
 * Freezes a value read by the strict JSON reader and every object and array inside it. The
 * verified-token cache keeps claims this way, and the verifier its memoised headers: one object can
 * then serve every request that carries the same token (or header segment), and no caller can
 * change what another one receives.
 *
 * @param value - JSON data (no cycles, depth bounded by the reader)
 * @returns the same value, frozen all the way down
 * @example
 * ```ts
 * const claims = deepFreeze(payload);
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  for (const member of Object.values(value)) deepFreeze(member);
  return Object.freeze(value);
}
