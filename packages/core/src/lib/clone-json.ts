/**
 * A deep copy of a value read by the strict JSON reader: objects come back with a null prototype,
 * arrays as arrays, everything else as is. What the verified-token cache hands out, so that no
 * caller can change what the next one receives.
 *
 * @param value - JSON data (no cycles, depth bounded by the reader)
 * @returns an independent copy
 * @example
 * ```ts
 * const copy = cloneJson(payload);
 * ```
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = cloneJson((value as Record<string, unknown>)[key]);
  return Object.setPrototypeOf(copy, null) as T;
}
