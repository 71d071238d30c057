import { createHash } from 'node:crypto';

/** Components up to this many bytes are stored literally (base64url); longer ones as SHA-256. */
export const MAX_LITERAL_BYTES = 96;

/**
 * ES2024 `String#isWellFormed` (Node >= 20; lib ES2023 does not declare it yet): no lone surrogates.
 *
 * @param value - any string
 * @example
 * ```ts
 * isWellFormed('\uD800'); // false
 * ```
 */
export const isWellFormed = (value: string): boolean =>
  (value as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Encodes one key component (an `iss`, `jti` or `sub`) so that it can never collide with another
 * component nor break a command or a SCAN pattern. The result only uses `[A-Za-z0-9_-]` after a
 * one-letter marker, so `:` (the separator), `*`, `{`, `}`, spaces and newlines never appear:
 *
 * - `u` + base64url(UTF-8): a well-formed string of at most 96 UTF-8 bytes;
 * - `w` + base64url(UTF-16LE): a string with lone surrogates (UTF-8 would merge them into U+FFFD);
 * - `h` / `x` + base64url(SHA-256 of the UTF-8 / UTF-16LE bytes): longer values, so a key stays
 *   under ~100 characters per component whatever a caller sends (10 KB of junk included).
 *
 * Literal encodings are injective; a hashed one can only equal another hashed one of the same
 * kind, which needs a SHA-256 collision (none known; 2^128 work by the birthday bound).
 *
 * @param value - the raw component
 * @example
 * ```ts
 * encodeComponent('user:1*'); // 'udXNlcjoxKg'
 * ```
 */
export function encodeComponent(value: string): string {
  const wellFormed = isWellFormed(value);
  const bytes = Buffer.from(value, wellFormed ? 'utf8' : 'utf16le');
  if (bytes.length <= MAX_LITERAL_BYTES) {
    return (wellFormed ? 'u' : 'w') + bytes.toString('base64url');
  }
  return (wellFormed ? 'h' : 'x') + createHash('sha256').update(bytes).digest('base64url');
}

/**
 * The key layout of one store. Every key is `<prefix>{tw}:<suffix>`, the suffix being
 * `t:<iss>:<jti>` (token), `s:<iss>:<sub>` (rule bound to an issuer) or `a:<sub>` (rule for
 * every issuer), components encoded by {@link encodeComponent}. The `{tw}` hash tag puts all keys
 * of a store in one Redis Cluster slot, so the three keys `isRevoked` reads fit one `MGET` (a
 * token entry and an any-issuer rule share no component, so no narrower tag could keep them
 * together).
 */
export interface KeyLayout {
  /** `<prefix>{tw}:`, the start of every key. */
  readonly base: string;
  /** The pub/sub channel that announces new entries. */
  readonly channel: string;
  /** The key counting writes (`<prefix>{tw}:seq`), so mirrors notice a missed message. */
  readonly sequence: string;
  /** {@link encodeComponent} for issuers, cached (a fleet sees few issuers, on every request). */
  issuer(iss: string): string;
  /** Key of a revoked token, by (iss ?? '', jti). */
  token(iss: string, jti: string): string;
  /** Key of a subject rule bound to one issuer. */
  subject(iss: string, sub: string): string;
  /** Key of a subject rule for every issuer. */
  anySubject(sub: string): string;
  /** Whether a key belongs to this layout (a pub/sub message or a SCAN result). */
  owns(key: string): boolean;
  /** A SCAN `MATCH` pattern for every key of the store, under an ioredis `keyPrefix`. */
  scanPattern(clientKeyPrefix: string): string;
}

/** Suffix of a token key from encoded components. */
export const tokenSuffix = (iss: string, jti: string): string => `t:${iss}:${jti}`;
/** Suffix of an issuer-bound rule key from encoded components. */
export const subjectSuffix = (iss: string, sub: string): string => `s:${iss}:${sub}`;
/** Suffix of an any-issuer rule key from an encoded component. */
export const anySubjectSuffix = (sub: string): string => `a:${sub}`;

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');
const ISSUER_CACHE_SIZE = 64;

/**
 * Builds the key layout for a validated prefix.
 *
 * @param prefix - the store's key prefix
 * @example
 * ```ts
 * createKeyLayout('tokenward:revocation:').token('', 'abc');
 * ```
 */
export function createKeyLayout(prefix: string): KeyLayout {
  const base = `${prefix}{tw}:`;
  const issuers = new Map<string, string>();
  const issuer = (iss: string): string => {
    let encoded = issuers.get(iss);
    if (encoded === undefined) {
      if (issuers.size >= ISSUER_CACHE_SIZE) issuers.clear(); // many issuers: no caching gain
      encoded = encodeComponent(iss);
      issuers.set(iss, encoded);
    }
    return encoded;
  };
  return {
    base,
    channel: `${base}events`,
    sequence: `${base}seq`,
    issuer,
    token: (iss, jti) => base + tokenSuffix(issuer(iss), encodeComponent(jti)),
    subject: (iss, sub) => base + subjectSuffix(issuer(iss), encodeComponent(sub)),
    anySubject: (sub) => base + anySubjectSuffix(encodeComponent(sub)),
    owns: (key) => key.startsWith(base) && /^[tsa]:/.test(key.slice(base.length)),
    scanPattern: (clientKeyPrefix) => `${escapeGlob(clientKeyPrefix + base)}*`,
  };
}
