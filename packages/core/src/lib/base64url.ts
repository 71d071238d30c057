// Strict, canonical base64url (RFC 7515 §2, RFC 4648 §5): alphabet only, no padding, no
// whitespace, length mod 4 ≠ 1, and unused trailing bits zero — which is exactly "re-encoding the
// decoded bytes reproduces the input", checked without re-encoding.
const ALPHABET = /^[A-Za-z0-9_-]*$/;
const VALUES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  .split('')
  .forEach((c, i) => (VALUES[c.charCodeAt(0)] = i));

/**
 * The 6-bit value of a base64url character code, or -1 for anything else (any code).
 *
 * @param code - a UTF-16 code unit
 */
export function base64urlValue(code: number): number {
  return code < 128 ? (VALUES[code] as number) : -1;
}

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

// The characters to decode, as bytes: Node copies a string into a buffer faster than JavaScript
// reads it character by character. Grown on demand up to SOURCE_CAP, then a one-off buffer.
const SOURCE_CAP = 16 * 1024;
let source = Buffer.allocUnsafeSlow(1024);

function sourceBuffer(length: number): Buffer {
  if (length <= source.length) return source;
  if (length > SOURCE_CAP) return Buffer.allocUnsafeSlow(length);
  source = Buffer.allocUnsafeSlow(Math.min(SOURCE_CAP, length * 2));
  return source;
}

/**
 * {@link decodeAsciiBase64url} in plain JavaScript, into a buffer the caller owns (no allocation),
 * for the short segments of a DPoP proof, whose asymmetric signature check comes right before or
 * right after: on some CPUs with AVX-512, Node's vectorised decoder slows the code that runs soon
 * after it by a few microseconds per call, more than this loop costs on a few hundred characters.
 * Writes the bytes at the start of `out` and returns their count, or returns -1 for anything but
 * canonical base64url (including any character above U+007F) or an `out` too short.
 *
 * @param s - the segment (any string)
 * @param out - where the bytes go; at least `(s.length * 3) >>> 2` long
 */
export function decodeShortBase64urlInto(s: string, out: Uint8Array): number {
  const length = s.length;
  const rest = length & 3;
  if (rest === 1 || (length * 3) >>> 2 > out.length || !spareBitsZero(s, rest)) return -1;
  const bytes = sourceBuffer(length);
  // As UTF-8, a character above U+007F takes two bytes or more, each above 0x7F (refused below),
  // and a partly written one shortens the count.
  if (bytes.write(s, 0, length, 'utf8') !== length) return -1;
  return decodeBytes(bytes, length, rest, out);
}

// Four characters to three bytes at a time; a byte outside the alphabet (value -1, or a byte above
// 127) makes the whole result -1.
function decodeBytes(bytes: Buffer, length: number, rest: number, out: Uint8Array): number {
  const full = length - rest;
  let codes = 0;
  let values = 0;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const c0 = bytes[i] as number;
    const c1 = bytes[i + 1] as number;
    const c2 = bytes[i + 2] as number;
    const c3 = bytes[i + 3] as number;
    codes |= c0 | c1 | c2 | c3;
    const v0 = VALUES[c0 & 0x7f] as number;
    const v1 = VALUES[c1 & 0x7f] as number;
    const v2 = VALUES[c2 & 0x7f] as number;
    const v3 = VALUES[c3 & 0x7f] as number;
    values |= v0 | v1 | v2 | v3;
    const word = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[o++] = word >>> 16;
    out[o++] = (word >>> 8) & 0xff;
    out[o++] = word & 0xff;
  }
  if (rest !== 0) {
    const c0 = bytes[full] as number;
    const c1 = bytes[full + 1] as number;
    const c2 = rest === 3 ? (bytes[full + 2] as number) : 0x41; // 'A': value 0
    codes |= c0 | c1 | c2;
    const v0 = VALUES[c0 & 0x7f] as number;
    const v1 = VALUES[c1 & 0x7f] as number;
    const v2 = VALUES[c2 & 0x7f] as number;
    values |= v0 | v1 | v2;
    const word = (v0 << 18) | (v1 << 12) | (v2 << 6);
    out[o++] = word >>> 16;
    if (rest === 3) out[o++] = (word >>> 8) & 0xff;
  }
  return values < 0 || codes > 0x7f ? -1 : o;
}

/** Decodes canonical base64url, or returns `undefined` for anything else. */
export function decodeBase64url(s: string): Buffer | undefined {
  return isPlainAscii(s) ? decodeAsciiBase64url(s) : undefined;
}
