/**
 * `compute` behind a bounded memo of its recent answers, for a pure function of a string that a
 * server calls with the same few keys over and over (a URL, a token, a proof header). At most
 * `max` answers are kept, the oldest going first; keys longer than `longest` are computed and not
 * kept. A throw is not kept either: the next call with that key computes again.
 *
 * @param compute - the function; `undefined` is an answer like any other
 * @param max - most answers kept
 * @param longest - longest key kept, in characters
 * @example
 * ```ts
 * const normalise = memoizeRecent((url) => new URL(url).href, 256, 512);
 * ```
 */
export function memoizeRecent<T>(
  compute: (key: string) => T,
  max: number,
  longest = Infinity,
): (key: string) => T {
  const recent = new Map<string, T>();
  return (key) => {
    const known = recent.get(key);
    if (known !== undefined || recent.has(key)) return known as T;
    const answer = compute(key);
    if (key.length > longest) return answer;
    if (recent.size >= max) recent.delete(recent.keys().next().value as string);
    recent.set(key, answer);
    return answer;
  };
}
