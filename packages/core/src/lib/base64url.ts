// Strict, canonical base64url (RFC 7515 §2, RFC 4648 §5): alphabet only, no padding, no
// whitespace, length mod 4 ≠ 1, and unused trailing bits zero — which is exactly "re-encoding the
// decoded bytes reproduces the input", checked without re-encoding.
const ALPHABET = /^[A-Za-z0-9_-]*$/;
const VALUES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  .split('')
  .forEach((c, i) => (VALUES[c.charCodeAt(0)] = i));

// 2 trailing chars carry 1 byte (4 spare bits), 3 carry 2 bytes (2 spare bits).
function spareBitsZero(s: string, rest: number): boolean {
  if (rest === 0) return true;
  const last = VALUES[s.charCodeAt(s.length - 1)] as number;
  return (last & (rest === 2 ? 0x0f : 0x03)) === 0;
}

/** Whether `s` is canonical unpadded base64url. */
export function isCanonicalBase64url(s: string): boolean {
  const rest = s.length & 3;
  return rest !== 1 && ALPHABET.test(s) && spareBitsZero(s, rest);
}

/**
 * Whether `text` is ASCII without `+` or `/`: the precondition of {@link decodeAsciiBase64url}.
 * Checked once over a whole token instead of per segment.
 */
export function isPlainAscii(text: string): boolean {
  return (
    Buffer.byteLength(text, 'utf8') === text.length &&
    text.indexOf('+') === -1 &&
    text.indexOf('/') === -1
  );
}

/**
 * Decodes canonical base64url from a string already known to satisfy {@link isPlainAscii}, or
 * returns `undefined`. `Buffer.from(s, 'base64url')` skips junk characters and stops at `=`, so
 * on such a string any character outside the alphabet shows as a short result. (Non-ASCII must
 * be refused first: Node reads a char above 0xFF by its low byte.)
 */
export function decodeAsciiBase64url(s: string): Buffer | undefined {
  const rest = s.length & 3;
  if (rest === 1) return undefined;
  const bytes = Buffer.from(s, 'base64url');
  if (bytes.length !== (s.length * 3) >>> 2 || !spareBitsZero(s, rest)) return undefined;
  return bytes;
}

/** Decodes canonical base64url, or returns `undefined` for anything else. */
export function decodeBase64url(s: string): Buffer | undefined {
  return isPlainAscii(s) ? decodeAsciiBase64url(s) : undefined;
}
