import type {
  JwtClaims,
  JwtError,
  RequirementOptions as CoreRequirementOptions,
} from '@tokenward/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UnlessOptions } from './unless-options.js';

/**
 * An Express request that may carry verified claims: `auth` is set by {@link jwt} when a token
 * was verified, and stays `undefined` for anonymous requests (optional authentication, `.unless`).
 * Annotate a handler's `req` with it to type the claims per route, without a global type.
 *
 * @typeParam T - the claims type of this route
 * @example
 * ```ts
 * import express from 'express';
 * import { jwt, type AuthRequest } from '@tokenward/express';
 *
 * interface Claims { sub: string; plan?: string }
 * const app = express();
 * app.get('/plan', jwt({ credentialsRequired: false }), (req: AuthRequest<Claims>, res) => {
 *   res.json({ plan: req.auth?.plan ?? 'anonymous' });
 * });
 * ```
 */
export type AuthRequest<
  T = JwtClaims,
  P = Request['params'],
  ResBody = unknown,
  ReqBody = unknown,
  ReqQuery = Request['query'],
> = Request<P, ResBody, ReqBody, ReqQuery> & {
  /** The verified claims, when the request was authenticated. */
  auth?: T;
  /** The raw token the claims came from. */
  token?: string;
};

/**
 * An Express request known to be authenticated: what a {@link withAuth} handler receives.
 *
 * @typeParam T - the claims type of this route
 * @example
 * ```ts
 * import type { AuthenticatedRequest } from '@tokenward/express';
 *
 * function subject(req: AuthenticatedRequest<{ sub: string }>): string {
 *   return req.auth.sub;
 * }
 * ```
 */
export type AuthenticatedRequest<
  T = JwtClaims,
  P = Request['params'],
  ResBody = unknown,
  ReqBody = unknown,
  ReqQuery = Request['query'],
> = Request<P, ResBody, ReqBody, ReqQuery> & {
  /** The verified claims. */
  auth: T;
  /** The raw token the claims came from. */
  token: string;
};

/**
 * Renders an authentication or authorization failure the app's own way.
 *
 * @example
 * ```ts
 * import type { ErrorRenderer } from '@tokenward/express';
 *
 * const render: ErrorRenderer = (err, _req, res) => {
 *   res.status(err.status).set(err.headers).json({ message: err.message, code: err.code });
 * };
 * ```
 */
export type ErrorRenderer = (
  err: JwtError,
  req: Request,
  res: Response,
  next: NextFunction,
) => void;

/**
 * Where failures go: `'respond'` (default) answers with the status, `WWW-Authenticate` and the
 * JSON body; `'next'` calls `next(err)` with the `JwtError` (it carries `status` and `headers`);
 * a function renders the error itself.
 *
 * @example
 * ```ts
 * import type { OnError } from '@tokenward/express';
 *
 * const toErrorHandler: OnError = 'next';
 * ```
 */
export type OnError = 'respond' | 'next' | ErrorRenderer;

/**
 * A middleware that can be told to skip requests, like express-unless.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { jwt } from '@tokenward/express';
 *
 * const app = express();
 * app.use(jwt().unless({ path: ['/health', /^\/public\//] }));
 * ```
 */
export interface UnlessMiddleware extends RequestHandler {
  /**
   * Returns a middleware that skips this one for the matching requests.
   *
   * @param options - paths, methods, extensions or a custom test; a function is a custom test
   */
  unless(options: UnlessOptions | ((req: Request) => boolean | Promise<boolean>)): UnlessMiddleware;
}

/**
 * How several required roles or scopes combine: `RequirementOptions` of `@tokenward/core`.
 *
 * @example
 * ```ts
 * import { requireRoles, type RequirementOptions } from '@tokenward/express';
 *
 * const anyOf: RequirementOptions = { mode: 'any' };
 * const staff = requireRoles(['admin', 'editor'], anyOf);
 * ```
 */
export type RequirementOptions = CoreRequirementOptions;
