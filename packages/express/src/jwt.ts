import {
  createAuthenticator,
  type AuthResult,
  type Authenticator,
  type AuthenticatorOptions,
  type JwtClaims,
} from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';
import { errorDelivery } from './lib/error-delivery.js';
import type { RequestContext } from './lib/request-context.js';
import { attachContext, publishAuth } from './lib/request-state.js';
import { requestOf, requestView } from './lib/request-view.js';
import { withUnless } from './lib/with-unless.js';
import type { JwtOptions } from './options.js';
import type { UnlessMiddleware } from './types.js';
import { AUTHENTICATOR_OPTION_KEYS, checkOptionNames, configError } from '@tokenward/core';

/** Every option of Express's `jwt()`: core's plus `onError`, declared once, here. */
const EXPRESS_OPTION_KEYS = [...AUTHENTICATOR_OPTION_KEYS, 'onError'];
// Names from koa-jwt or the Koa adapter that mean something else here.
const EXPRESS_HINTS: Readonly<Record<string, string>> = {
  passthrough:
    "is koa-jwt's; in Express use credentialsRequired: false (no token → anonymous, a bad token is still refused) or onError",
  stateKey: 'claims are always on req.auth',
  tokenKey: 'the raw token is always on req.token',
};

function coreOptions(
  options: JwtOptions<unknown> | undefined,
): AuthenticatorOptions<unknown> | undefined {
  if (options === undefined) return undefined;
  checkOptionNames(options, EXPRESS_OPTION_KEYS, 'jwt()', EXPRESS_HINTS);
  const { onError: _onError, getToken, ...rest } = options;
  if (getToken === undefined) return Object.keys(rest).length > 0 ? rest : undefined;
  if (typeof getToken !== 'function') configError('getToken', 'must be a function (req) => token');
  return {
    ...rest,
    getToken: (view) => {
      const req = requestOf(view);
      return req === undefined ? undefined : getToken(req);
    },
  };
}

/**
 * Express middleware that authenticates every request it sees: it extracts the token (Bearer
 * header, and the cookie or query parameter when configured), verifies it, puts the claims on
 * `req.auth` and the raw token on `req.token`. A failure answers with the right status,
 * `WWW-Authenticate` challenge and JSON body, unless `onError` says otherwise. Works on Express 4
 * and 5.
 *
 * @typeParam T - the claims type `validateClaims` returns (annotate handlers with `AuthRequest<T>`)
 * @param options - verifier and extraction options; none at all reads the environment
 *   (`JWT_SECRET`, `JWT_ALGORITHMS`, `JWT_ISSUER`, ...)
 * @returns the middleware, with `.unless()` to leave public routes out
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` (or a key/algorithm code) when the options are invalid
 * @example
 * ```ts
 * import express from 'express';
 * import { jwt, requireRoles } from '@tokenward/express';
 *
 * const app = express();
 * app.use(jwt({ algorithms: ['HS256'], key: process.env.JWT_SECRET ?? '' }).unless({ path: ['/health'] }));
 * app.get('/admin', requireRoles('admin'), (_req, res) => {
 *   res.json({ ok: true });
 * });
 * ```
 */
export function jwt<T = JwtClaims>(options?: JwtOptions<T>): UnlessMiddleware {
  const fail = errorDelivery(options?.onError);
  const authenticator = createAuthenticator(
    coreOptions(options as JwtOptions<unknown> | undefined),
  ) as Authenticator<JwtClaims>;
  const context: RequestContext = { authenticator, fail };

  const accept = (
    req: Request,
    res: Response,
    result: AuthResult<JwtClaims>,
    next: NextFunction,
  ): void => {
    if (result.authenticated) {
      publishAuth(req, result.claims, result.token);
      // Core's headers for a success (a rotated DPoP nonce).
      if (result.headers !== undefined) res.set(result.headers);
    }
    next();
  };

  // Not `async`: a token verified without waiting calls `next()` in the same tick, and Express
  // gets no promise to watch.
  function jwtMiddleware(req: Request, res: Response, next: NextFunction): void {
    attachContext(req, context);
    let answer;
    try {
      answer = authenticator.authenticateNow(requestView(req));
    } catch (err) {
      return fail(err, req, res, next);
    }
    if (answer instanceof Promise) {
      answer.then(
        (result) => accept(req, res, result, next),
        (err: unknown) => fail(err, req, res, next),
      );
      return;
    }
    accept(req, res, answer, next);
  }
  return withUnless(jwtMiddleware);
}
