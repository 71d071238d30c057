import { hash } from 'node:crypto';

// Hashes of recent access tokens: a client sends the same token with every proof until it expires,
// and looking one up costs less than hashing it again. Bounded; the oldest goes first.
const recent = new Map<string, string>();
const RECENT_MAX = 1024;
const RECENT_LONGEST = 8192;

/**
 * The `ath` a DPoP proof sent with `token` must carry (RFC 9449 §4.2): base64url of the SHA-256
 * of the token's ASCII text.
 *
 * @param token - the access token, as sent
 */
export function accessTokenHash(token: string): string {
  const known = recent.get(token);
  if (known !== undefined) return known;
  const ath = hash('sha256', token, 'base64url');
  if (token.length <= RECENT_LONGEST) {
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(token, ath);
  }
  return ath;
}
