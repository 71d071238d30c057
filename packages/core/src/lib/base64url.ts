// Strict, canonical base64url (RFC 7515 §2, RFC 4648 §5): alphabet only, no padding, no
// whitespace, length mod 4 ≠ 1, and unused trailing bits zero — which is exactly "re-encoding the
// decoded bytes reproduces the input", checked without re-encoding.
const ALPHABET = /^[A-Za-z0-9_-]*$/;
const VALUES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  .split('')
  .forEach((c, i) => (VALUES[c.charCodeAt(0)] = i));

/** Whether `s` is canonical unpadded base64url. */
export function isCanonicalBase64url(s: string): boolean {
  const rest = s.length & 3;
  if (rest === 1 || !ALPHABET.test(s)) return false;
  if (rest === 0) return true;
  const last = VALUES[s.charCodeAt(s.length - 1)] as number;
  // 2 chars carry 1 byte (4 spare bits), 3 chars carry 2 bytes (2 spare bits).
  return (last & (rest === 2 ? 0x0f : 0x03)) === 0;
}

/** Decodes canonical base64url, or returns `undefined` for anything else. */
export function decodeBase64url(s: string): Buffer | undefined {
  return isCanonicalBase64url(s) ? Buffer.from(s, 'base64url') : undefined;
}
