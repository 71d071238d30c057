import {
  createAuthenticator,
  JwtError,
  type Authenticator,
  type AuthResult,
  type JwtClaims,
} from '@tokenward/core';
import type { Context, Middleware, Next } from 'koa';
import { answerJsonOnError } from './lib/json-onerror.js';
import { attachContext, type RequestContext } from './lib/request-context.js';
import { requestView } from './lib/request-view.js';
import { coreOptions, koaSettings } from './lib/settings.js';
import { withUnless } from './lib/with-unless.js';
import type { KoaJwtOptions } from './options.js';
import type { JwtState, OptionalJwtState, UnlessMiddleware } from './types.js';

/**
 * Koa middleware that authenticates every request it sees: it extracts the token (Bearer header,
 * and the cookie or query parameter when configured), verifies it, and puts the claims on
 * `ctx.state.user` (the raw token on `ctx.state[tokenKey]` only when `tokenKey` is set). A
 * failure is thrown as a `JwtError`
 * carrying `status`, `expose` and `headers` (the `WWW-Authenticate` challenge): an app's own
 * error middleware sees it, and Koa's default handler answers with the right status, challenge
 * and JSON body. Works on Koa 2 and 3.
 *
 * @typeParam T - the claims type put on `ctx.state`
 * @param options - verifier, extraction and state options; none at all reads the environment
 *   (`JWT_SECRET`, `JWT_ALGORITHMS`, `JWT_ISSUER`, ...)
 * @returns the middleware, with `.unless()` to leave public routes out
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` (or a key/algorithm code) when the options are invalid
 * @example
 * ```ts
 * import Koa from 'koa';
 * import { jwt } from '@tokenward/koa';
 *
 * const app = new Koa();
 * app.use(jwt({ algorithms: ['HS256'], key: process.env.JWT_SECRET ?? '' }).unless({ path: ['/health'] }));
 * app.use((ctx) => {
 *   ctx.body = { sub: ctx.state.user.sub };
 * });
 * ```
 */
export function jwt<T = JwtClaims, K extends string = 'user', TK extends string = never>(
  options: KoaJwtOptions<T, K, TK> & ({ passthrough: true } | { credentialsRequired: false }),
): UnlessMiddleware<OptionalJwtState<T, K, TK>>;
export function jwt<T = JwtClaims, K extends string = 'user', TK extends string = never>(
  options?: KoaJwtOptions<T, K, TK>,
): UnlessMiddleware<JwtState<T, K, TK>>;
export function jwt(options?: KoaJwtOptions<unknown, string, string>): UnlessMiddleware<object> {
  const settings = koaSettings(options);
  const authenticator = createAuthenticator(coreOptions(options)) as Authenticator<JwtClaims>;
  const context: RequestContext = {
    authenticator,
    stateKey: settings.stateKey,
    fail(ctx, err) {
      if (settings.errorBody === 'json' && err instanceof JwtError) answerJsonOnError(ctx);
      throw err;
    },
  };

  const accept = (ctx: Context, result: AuthResult<JwtClaims>, next: Next): Promise<unknown> => {
    if (result.authenticated) {
      const state = ctx.state as Record<string, unknown>;
      state[settings.stateKey] = result.claims;
      if (settings.tokenKey !== undefined) state[settings.tokenKey] = result.token;
      // Core's headers for a success (a rotated DPoP nonce).
      if (result.headers !== undefined) ctx.set(result.headers);
    }
    return next();
  };
  const refuse = (ctx: Context, err: unknown, next: Next): Promise<unknown> => {
    // Only an authentication outcome passes through; the app's own failure never does.
    if (!settings.passthrough || !(err instanceof JwtError) || !err.expose) context.fail(ctx, err);
    (ctx.state as Record<string, unknown>).jwtOriginalError = err;
    return next();
  };

  // Not `async`: a token verified without waiting goes on to `next()` in the same tick.
  function jwtMiddleware(ctx: Context, next: Next): Promise<unknown> {
    try {
      attachContext(ctx, context);
      let answer;
      try {
        answer = authenticator.authenticateNow(requestView(ctx));
      } catch (err) {
        return refuse(ctx, err, next);
      }
      if (answer instanceof Promise) {
        return answer.then(
          (result) => accept(ctx, result, next),
          (err: unknown) => refuse(ctx, err, next),
        );
      }
      return accept(ctx, answer, next);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
  return withUnless(jwtMiddleware as Middleware<object>);
}
