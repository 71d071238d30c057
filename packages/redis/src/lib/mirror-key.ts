import { encodeComponent, isWellFormed, MAX_LITERAL_BYTES } from './key-codec.js';

// No well-formed string contains a lone surrogate, so this prefix keeps encoded keys apart from
// raw ones in the same Map.
const ENCODED = '\uD800';

/**
 * The mirror's Map key for a raw component: the string itself when Redis stores it literally
 * (well-formed, at most 96 UTF-8 bytes: every real `jti`/`sub`/`iss`), else a lone surrogate plus
 * its encoding. Lookups on the hot path thus cost no encoding, and keys stay as short as the values.
 *
 * @param raw - a claim value
 * @example
 * ```ts
 * componentKey('user-1'); // 'user-1'
 * ```
 */
export function componentKey(raw: string): string {
  return isWellFormed(raw) && Buffer.byteLength(raw, 'utf8') <= MAX_LITERAL_BYTES
    ? raw
    : ENCODED + encodeComponent(raw);
}

/**
 * The same Map key from a component as found in a Redis key, or `undefined` for one that no
 * store writes (a literal whose bytes are not the UTF-8 of a well-formed string).
 *
 * @param encoded - a component of a Redis key
 * @example
 * ```ts
 * componentKeyFromEncoded(encodeComponent('user-1')); // 'user-1'
 * ```
 */
export function componentKeyFromEncoded(encoded: string): string | undefined {
  if (!encoded.startsWith('u')) return ENCODED + Buffer.from(encoded, 'latin1').toString('latin1');
  const raw = Buffer.from(encoded.slice(1), 'base64url').toString('utf8');
  return encodeComponent(raw) === encoded ? raw : undefined;
}
