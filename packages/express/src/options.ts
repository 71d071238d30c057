import type { AuthenticatorOptions, CustomToken, JwtClaims } from '@tokenward/core';
import type { Request } from 'express';
import type { OnError } from './types.js';

/**
 * Options of {@link jwt}: every option of core's authenticate step (the `VerifierOptions` fields
 * such as `algorithms`, `key`, `issuer`, `audience`, or a prebuilt `verifier`; `cookie`, `query`,
 * `credentialsRequired`, `realm`, ...) plus how failures are delivered. With no options at all,
 * the configuration comes from the environment.
 *
 * @typeParam T - the claims type `validateClaims` returns
 * @example
 * ```ts
 * import type { JwtOptions } from '@tokenward/express';
 *
 * const options: JwtOptions = {
 *   algorithms: ['RS256'],
 *   key: process.env.JWT_PUBLIC_KEY ?? '',
 *   issuer: 'https://auth.example.com/',
 *   onError: 'next',
 * };
 * ```
 */
export interface JwtOptions<T = JwtClaims> extends Omit<AuthenticatorOptions<T>, 'getToken'> {
  /**
   * Custom token getter (like express-jwt's): return the token, or `undefined` for none. When it
   * returns a token, that is the request's only token source. A getter that reads a cookie returns
   * `{ token, source: 'cookie' }`; cookie-borne tokens (also any token the `Cookie` header
   * carries) get the CSRF check.
   */
  getToken?: (req: Request) => CustomToken | Promise<CustomToken>;
  /** How failures are delivered. Default `'respond'`. */
  onError?: OnError;
}
