import { hash } from 'node:crypto';
import { memoizeRecent } from '../lib/memoize-recent.js';

/**
 * The `ath` a DPoP proof sent with `token` must carry (RFC 9449 §4.2): base64url of the SHA-256
 * of the token's ASCII text. Memoized: a client sends the same token with every proof until it
 * expires, and looking one up costs less than hashing it again (1,024 tokens of at most 8 KB).
 *
 * @param token - the access token, as sent
 */
export const accessTokenHash: (token: string) => string = memoizeRecent(
  (token) => hash('sha256', token, 'base64url'),
  1024,
  8192,
);
