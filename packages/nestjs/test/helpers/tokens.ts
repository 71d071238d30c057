import { randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';

/** Frozen "now" (seconds) for every verifier of the tests, through the `clock` option. */
export const NOW = 1_900_000_000;
export const clock = (): number => NOW * 1000;
export const SECRET = randomBytes(32);
export const ISSUER = 'https://issuer.test';
export const AUDIENCE = 'api://test';

/** The verifier options every test module uses. */
export const verifierOptions = {
  algorithms: ['HS256' as const],
  key: SECRET,
  issuer: ISSUER,
  audience: AUDIENCE,
  clock,
};

/** Signs a token with jose (an independent implementation), valid at NOW unless overridden. */
export function token(claims: JWTPayload = {}, secret: Uint8Array = SECRET): Promise<string> {
  return new SignJWT({
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'alice',
    iat: NOW,
    exp: NOW + 600,
    ...claims,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(secret);
}

export const bearer = (t: string): string => `Bearer ${t}`;
