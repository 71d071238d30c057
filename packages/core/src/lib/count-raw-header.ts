/**
 * How many times a header appears in a raw name/value list (Node's `rawHeaders`): Node keeps
 * only the first `Authorization` and joins other repeats, so duplicates show only here.
 *
 * @param rawHeaders - alternating names and values, or `undefined`
 * @param name - the header name, lower case
 */
export function countRawHeader(rawHeaders: readonly string[] | undefined, name: string): number {
  if (rawHeaders === undefined) return 0;
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const raw = rawHeaders[i];
    // Length first: only a name of the right length is worth lower-casing.
    if (raw?.length === name.length && raw.toLowerCase() === name) count++;
  }
  return count;
}
