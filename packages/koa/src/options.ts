import type { AuthenticatorOptions, CustomToken, JwtClaims } from '@tokenward/core';
import type { Context } from 'koa';

/**
 * Options of {@link jwt}: every option of core's authenticate step (the `VerifierOptions` fields
 * such as `algorithms`, `key`, `issuer`, `audience`, or a prebuilt `verifier`; `cookie`, `query`,
 * `credentialsRequired`, `realm`, ...) plus where results land and how failures look. With no
 * options at all, the configuration comes from the environment.
 *
 * Note: `key` is the verification key, as in every tokenward package; koa-jwt's `key` (the state
 * property) is `stateKey` here.
 *
 * @typeParam T - the claims type (`validateClaims` returns it)
 * @typeParam K - the `ctx.state` property of the claims
 * @typeParam TK - the `ctx.state` property of the raw token (only with `tokenKey`)
 * @example
 * ```ts
 * import type { KoaJwtOptions } from '@tokenward/koa';
 *
 * const options: KoaJwtOptions = {
 *   algorithms: ['RS256'],
 *   key: process.env.JWT_PUBLIC_KEY ?? '',
 *   cookie: 'access_token',
 * };
 * ```
 */
export interface KoaJwtOptions<
  T = JwtClaims,
  K extends string = 'user',
  TK extends string = never,
> extends Omit<AuthenticatorOptions<T>, 'getToken'> {
  /** `ctx.state` property for the verified claims. Default `'user'` (koa-jwt's name). */
  stateKey?: K;
  /**
   * `ctx.state` property for the raw token, as koa-jwt's `tokenKey`. Default: none — the raw
   * token is not put on `ctx.state` (an app's own `ctx.state.token` is left alone).
   */
  tokenKey?: TK;
  /**
   * koa-jwt's `passthrough`: on any authentication failure, continue without claims and put the
   * `JwtError` on `ctx.state.jwtOriginalError`. Routes must then check `ctx.state.user`
   * themselves. For "anonymous or valid token" use `credentialsRequired: false` instead, which
   * still rejects a bad token. Default `false`.
   */
  passthrough?: boolean;
  /**
   * Custom token getter (like koa-jwt's): return the token, or `undefined` for none. When it
   * returns a token, no other source may carry one. A getter that reads a cookie returns
   * `{ token, source: 'cookie' }`; cookie-borne tokens (also any token the `Cookie` header
   * carries) get the CSRF check.
   */
  getToken?: (ctx: Context) => CustomToken | Promise<CustomToken>;
  /**
   * The body when Koa's default error handler answers a failure: `'json'` (default) is the
   * `{ error, error_description, code }` every tokenward adapter sends; `'text'` is Koa's own
   * (the message as text/plain). Either way the error is thrown first, so an app's own error
   * middleware sees the `JwtError` and can render it itself.
   */
  errorBody?: 'json' | 'text';
}
