import { createSigner, type JwtClaims, type SignOptions } from '@tokenward/core';

/** One suite's HS256 material: the secret, matching verifier options, and real tokens. */
export interface Hs256TestTokens {
  /** The HS256 secret of the suite. */
  SECRET: string;
  /** Verifier options matching {@link Hs256TestTokens.sign}. */
  VERIFY: { algorithms: 'HS256'[]; key: string };
  /**
   * A real HS256 token, valid for 15 minutes.
   *
   * @param claims - the claims, default `{ sub: 'user-1' }`
   * @param options - per-token lifetime etc.
   */
  sign(claims?: JwtClaims, options?: SignOptions): Promise<string>;
  /**
   * A token that expired an hour ago.
   *
   * @param claims - the claims, default `{ sub: 'user-1' }`
   */
  signExpired(claims?: JwtClaims): Promise<string>;
}

/**
 * Makes the HS256 test material of one suite from its secret.
 *
 * @param secret - the suite's secret (32 bytes or more)
 * @returns the secret, verifier options and signing functions (plain closures: safe to destructure)
 * @example
 * ```ts
 * export const { SECRET, VERIFY, sign, signExpired } = hs256TestTokens('a secret of 32+ bytes ...');
 * ```
 */
export function hs256TestTokens(secret: string): Hs256TestTokens {
  const signer = createSigner({ algorithm: 'HS256', key: secret, expiresIn: '15m' });
  return {
    SECRET: secret,
    VERIFY: { algorithms: ['HS256'], key: secret },
    sign: (claims = { sub: 'user-1' }, options) => signer.sign(claims, options),
    signExpired: (claims = { sub: 'user-1' }) => {
      const past = createSigner({
        algorithm: 'HS256',
        key: secret,
        expiresIn: '5m',
        clock: () => Date.now() - 3_600_000,
      });
      return past.sign(claims);
    },
  };
}
