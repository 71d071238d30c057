import type {
  JwtClaims,
  JwtError,
  RequirementOptions as CoreRequirementOptions,
} from '@tokenward/core';
import type { Context, Middleware } from 'koa';
import type { UnlessOptions } from './unless-options.js';

/**
 * The `ctx.state` that {@link jwt} fills: the claims under `K` (default `user`) and the raw token
 * under `TK` (only with the `tokenKey` option; default none).
 *
 * @typeParam T - the claims type
 * @typeParam K - the state property of the claims
 * @typeParam TK - the state property of the token
 * @example
 * ```ts
 * import Koa from 'koa';
 * import { jwt, type JwtState } from '@tokenward/koa';
 *
 * interface Claims { sub: string; roles: string[] }
 * const app = new Koa<JwtState<Claims>>();
 * app.use(jwt<Claims>());
 * app.use((ctx) => {
 *   ctx.body = { id: ctx.state.user.sub };
 * });
 * ```
 */
export type JwtState<T = JwtClaims, K extends string = 'user', TK extends string = never> = {
  [P in K]: T;
} & { [P in TK]: string };

/**
 * The `ctx.state` of optional authentication or `passthrough`: the claims and token may be absent,
 * and `jwtOriginalError` holds the failure that `passthrough` let through.
 *
 * @typeParam T - the claims type
 * @typeParam K - the state property of the claims
 * @typeParam TK - the state property of the token
 * @example
 * ```ts
 * import type { OptionalJwtState } from '@tokenward/koa';
 *
 * function greeting(state: OptionalJwtState<{ name: string }>): string {
 *   return state.user ? `Hello ${state.user.name}` : 'Hello stranger';
 * }
 * ```
 */
export type OptionalJwtState<
  T = JwtClaims,
  K extends string = 'user',
  TK extends string = never,
> = { [P in K]?: T } & { [P in TK]?: string } & { jwtOriginalError?: JwtError };

/**
 * A middleware that can be told to skip requests, like koa-unless.
 *
 * @typeParam S - the state the middleware provides
 * @example
 * ```ts
 * import Koa from 'koa';
 * import { jwt } from '@tokenward/koa';
 *
 * const app = new Koa();
 * app.use(jwt().unless({ path: ['/health', /^\/public\//] }));
 * ```
 */
export interface UnlessMiddleware<S = object> extends Middleware<S> {
  /**
   * Returns a middleware that skips this one for the matching requests.
   *
   * @param options - paths, methods, extensions or a custom test; a function is a custom test
   */
  unless(
    options: UnlessOptions | ((ctx: Context) => boolean | Promise<boolean>),
  ): UnlessMiddleware<S>;
}

/**
 * How several required roles or scopes combine: `RequirementOptions` of `@tokenward/core`.
 *
 * @example
 * ```ts
 * import { requireRoles, type RequirementOptions } from '@tokenward/koa';
 *
 * const anyOf: RequirementOptions = { mode: 'any' };
 * const staff = requireRoles(['admin', 'editor'], anyOf);
 * ```
 */
export type RequirementOptions = CoreRequirementOptions;
