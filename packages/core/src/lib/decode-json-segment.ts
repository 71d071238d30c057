import { JwtError } from '../errors/jwt-error.js';
import { decodeBase64url } from './base64url.js';
import { parseStrictJson } from './strict-json.js';

// Fatal: invalid UTF-8 throws instead of becoming U+FFFD. ignoreBOM: a BOM stays in the text, so
// the JSON reader refuses it (RFC 8259 §8.1 lets a parser skip it; we do not).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes one JWS segment that must hold a JSON object: strict canonical base64url, fatal UTF-8,
 * strict JSON, an object (not an array). Throws `ERR_JWT_MALFORMED` otherwise.
 *
 * @param segment - the base64url header or payload segment
 */
export function decodeJsonSegment(segment: string): Record<string, unknown> {
  const bytes = decodeBase64url(segment);
  if (bytes === undefined) throw new JwtError('ERR_JWT_MALFORMED');
  return decodeJsonBytes(bytes);
}

/**
 * The second half of {@link decodeJsonSegment}, for bytes already decoded from base64url: fatal
 * UTF-8, strict JSON, an object. Throws `ERR_JWT_MALFORMED` otherwise.
 *
 * @param bytes - the decoded segment
 */
export function decodeJsonBytes(bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new JwtError('ERR_JWT_MALFORMED');
  }
  const value = parseStrictJson(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JwtError('ERR_JWT_MALFORMED');
  }
  return value as Record<string, unknown>;
}
