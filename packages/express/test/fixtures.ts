// Shared test material: both Express majors, a secret, and real tokens from core's signer.
import { createSigner, type JwtClaims, type SignOptions } from '@tokenward/core';
import express5 from 'express';
import express4 from 'express4';

/** Both majors: every suite runs on each. */
export const MAJORS = [
  ['express4', express4],
  ['express5', express5],
] as const;

/** The HS256 secret of these tests. */
export const SECRET = 'the express adapter test secret, 32+ bytes';

/** Verifier options matching {@link sign}. */
export const VERIFY = { algorithms: ['HS256' as const], key: SECRET };

const signer = createSigner({ algorithm: 'HS256', key: SECRET, expiresIn: '15m' });

/**
 * A real HS256 token.
 *
 * @param claims - the claims
 * @param options - per-token lifetime etc.
 */
export function sign(
  claims: JwtClaims = { sub: 'user-1' },
  options?: SignOptions,
): Promise<string> {
  return signer.sign(claims, options);
}

/** A token that expired an hour ago. */
export function signExpired(claims: JwtClaims = { sub: 'user-1' }): Promise<string> {
  const past = createSigner({
    algorithm: 'HS256',
    key: SECRET,
    expiresIn: '5m',
    clock: () => Date.now() - 3_600_000,
  });
  return past.sign(claims);
}
