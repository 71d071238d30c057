// Shared test material: both Express majors, a secret, and real tokens from core's signer.
import { hs256TestTokens } from '@tokenward/test-tokens';
import express5 from 'express';
import express4 from 'express4';

/** Both majors: every suite runs on each. */
export const MAJORS = [
  ['express4', express4],
  ['express5', express5],
] as const;

/** The HS256 secret of these tests, matching verifier options, and real tokens (15 min; expired). */
export const { SECRET, VERIFY, sign, signExpired } = hs256TestTokens(
  'the express adapter test secret, 32+ bytes',
);
