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
    if (raw !== undefined && sameName(raw, name)) count++;
  }
  return count;
}

// Header names are ASCII tokens compared without case (RFC 9110 §5.1): each character of `raw`
// with its letters lower-cased must be `lower`'s. No lower-cased copy is made.
function sameName(raw: string, lower: string): boolean {
  if (raw.length !== lower.length) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}
