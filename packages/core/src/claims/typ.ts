// `typ` values are media types: ASCII case-insensitive, and a value without "/" means
// "application/" + value (RFC 7515 §4.1.9). Parameters are not stripped: "at+jwt; charset=utf-8"
// is a different value and is rejected.

/**
 * The canonical form of a `typ` value for comparison.
 *
 * @param value - a header or configured `typ`
 */
export function normalizeTyp(value: string): string {
  const lower = value.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  return lower.includes('/') ? lower : `application/${lower}`;
}
