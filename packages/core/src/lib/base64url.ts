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

/**
 * {@link decodeAsciiBase64url} in plain JavaScript, for the short segments of a DPoP proof, whose
 * asymmetric signature check comes right before or right after: on CPUs with AVX-512, Node's
 * vectorised decoder slows the code that runs soon after it by a few microseconds per call, more
 * than this loop costs on a few hundred characters. Slower than Node's decoder on its own.
 *
 * @param s - the segment (any string: a character outside the alphabet gives `undefined`)
 */
export function decodeShortBase64url(s: string): Buffer | undefined {
  const rest = s.length & 3;
  if (rest === 1 || !spareBitsZero(s, rest)) return undefined;
  return decodeScalar(s, rest);
}

// Four characters to three bytes at a time; a character outside the alphabet (value -1, or a code
// above 127) makes the whole result `undefined`.
function decodeScalar(s: string, rest: number): Buffer | undefined {
  const full = s.length - rest;
  const out = Buffer.allocUnsafe((s.length * 3) >>> 2);
  let codes = 0;
  let values = 0;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
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
    const c0 = s.charCodeAt(full);
    const c1 = s.charCodeAt(full + 1);
    const c2 = rest === 3 ? s.charCodeAt(full + 2) : 0x41; // 'A': value 0
    codes |= c0 | c1 | c2;
    const v0 = VALUES[c0 & 0x7f] as number;
    const v1 = VALUES[c1 & 0x7f] as number;
    const v2 = VALUES[c2 & 0x7f] as number;
    values |= v0 | v1 | v2;
    const word = (v0 << 18) | (v1 << 12) | (v2 << 6);
    out[o++] = word >>> 16;
    if (rest === 3) out[o++] = (word >>> 8) & 0xff;
  }
  return values < 0 || codes > 0x7f ? undefined : out;
}

/** Decodes canonical base64url, or returns `undefined` for anything else. */
export function decodeBase64url(s: string): Buffer | undefined {
  return isPlainAscii(s) ? decodeAsciiBase64url(s) : undefined;
}
