import { createSigner, decodeUnverified, generateSecret } from '@tokenward/core';
import type { TokenKit } from '../story/step.js';

/**
 * A fresh random HS256 secret as text, for the example app's `JWT_SECRET`
 * (`generateSecret('HS256')`: 32 random bytes, base64url-encoded).
 *
 * @returns 43 characters of base64url
 * @example
 * ```ts
 * const secret = newSecret();
 * ```
 */
export function newSecret(): string {
  return generateSecret('HS256').toString('base64url');
}

/**
 * The demo's token helpers, built on @tokenward/core: `decodeUnverified` to show what anyone can
 * read, and `createSigner` with a clock two hours in the past to make a token that expired an
 * hour ago, signed with the app's real secret, issuer and audience.
 *
 * @param settings - the secret, issuer and audience the app was started with
 * @returns the kit the story uses
 * @example
 * ```ts
 * const kit = createTokenKit({ secret, issuer: 'tokenward-example', audience: 'tokenward-example-api' });
 * ```
 */
export function createTokenKit(settings: {
  secret: string;
  issuer: string;
  audience: string;
}): TokenKit {
  const twoHoursAgo = (): number => Date.now() - 2 * 3600 * 1000;
  const signer = createSigner({
    algorithm: 'HS256',
    key: settings.secret,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: '1h',
    clock: twoHoursAgo,
  });
  return {
    decode: (token) => {
      const { header, payload } = decodeUnverified(token);
      return { header, payload };
    },
    signExpired: (claims) => signer.sign(claims),
  };
}
