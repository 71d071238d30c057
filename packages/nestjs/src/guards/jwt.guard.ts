import { Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { configError, JwtError, type AuthResult, type JwtClaims } from '@tokenward/core';
import { transportOf } from '../contexts/transports.js';
import { JwtAuthService } from '../jwt-auth.service.js';
import { getAuthState, setAuthState } from '../lib/auth-state.js';
import type { ClaimsPredicate } from '../decorators/require-claims.decorator.js';
import { readRoutePlan, type RoutePlan } from '../lib/route-plan.js';
import { setResponseHeaders } from '../lib/set-response-headers.js';

// The answer of every request allowed without waiting (shared: a settled promise holds nothing).
const ALLOWED = Promise.resolve(true);

/**
 * Authenticates the request, then checks the route's `@Roles` / `@Scopes` / `@RequireClaims` in the same guard — so
 * no guard order can run an authorization check before authentication. Honours `@Public()` and
 * `@OptionalAuth()`. Puts the verified claims on `request.user` (and behind `@Claims()`).
 *
 * Failures become a {@link JwtHttpException} (401/400/403/503, body from core) after the
 * `WWW-Authenticate` / `Retry-After` headers were set on the response, so Nest's default
 * exception filter sends a complete answer on Express and Fastify alike; in a GraphQL resolver a
 * `JwtGraphQLException` (`extensions.code`, `extensions.tokenward`), in a gateway a `WsException`
 * with `{ status, code, message }`.
 *
 * A verified result is reused only within one HTTP request, by a guard of the same module; every
 * WebSocket message and GraphQL operation is verified again.
 *
 * Use it per route or controller (`@UseGuards(JwtGuard)`), or globally
 * (`JwtAuthModule.forRoot({ guard: 'global' })`). Override `getRequest` / `getResponse` for
 * contexts the defaults do not know.
 *
 * @example
 * ```ts
 * @Controller('admin')
 * @UseGuards(JwtGuard)
 * class AdminController {
 *   @Roles('admin')
 *   @Get()
 *   dashboard(@Claim('sub') sub: string) {
 *     return { sub };
 *   }
 * }
 * ```
 */
@Injectable()
export class JwtGuard implements CanActivate {
  /**
   * @param auth - the module's authentication service
   * @param reflector - reads the route decorators
   * @param adapterHost - the platform adapter, used to set response headers
   */
  private readonly plans = new WeakMap<object, WeakMap<object, RoutePlan>>();

  constructor(
    @Optional() protected readonly auth: JwtAuthService,
    protected readonly reflector: Reflector,
    @Optional() protected readonly adapterHost?: HttpAdapterHost,
  ) {
    // Nest passes nothing when no JwtAuthModule is visible here: say what to do, at startup.
    if (auth === undefined || auth === null) {
      configError(
        'JwtAuthModule',
        `is not visible where ${new.target.name} is used: import JwtAuthModule.forRoot() in the ` +
          'root module and keep it global (the default), or import it in this module',
      );
    }
  }

  /**
   * Decides whether the request may proceed; rejects with the context's exception when it may not.
   *
   * @param context - the Nest execution context
   */
  canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      const plan = this.planOf(context);
      if (plan.isPublic) return ALLOWED;
      const transport = transportOf(context);
      const request = this.getRequest(context);
      // Within one HTTP request, a result this module's guard produced (global + per-route guard)
      // is reused; anything else is verified now: another module's or the passport bridge's
      // result, and every WebSocket message and GraphQL operation (their "request" outlives one
      // call: a socket's handshake, a connection's context).
      const kept = transport.reuses ? getAuthState(request, this.auth) : undefined;
      const answer =
        kept ??
        this.auth.authenticateNow(
          transport.credentials((request ?? {}) as object),
          plan.authenticate,
        );
      if (answer instanceof Promise) {
        return answer
          .then((result) => this.authorizeResult(this.sendHeaders(result, context), plan, request))
          .catch((err: unknown) => this.refuse(err, context));
      }
      const decided = this.authorizeResult(this.sendHeaders(answer, context), plan, request);
      return decided === ALLOWED ? decided : decided.catch((err) => this.refuse(err, context));
    } catch (err) {
      return this.refuse(err, context);
    }
  }

  /**
   * The request to authenticate, where the verified result is kept. Default: the HTTP request,
   * the GraphQL context's `req` (a subscription's graphql-ws context), a socket.io client's
   * handshake, or a raw `ws` client's upgrade request (see `keepUpgradeRequest`). Override it
   * for other contexts.
   *
   * @param context - the Nest execution context
   * @example
   * ```ts
   * @Injectable()
   * class GqlJwtGuard extends JwtGuard {
   *   override getRequest(context: ExecutionContext) {
   *     return context.getArgByIndex<{ request: unknown }>(2).request;
   *   }
   * }
   * ```
   */
  getRequest(context: ExecutionContext): unknown {
    return transportOf(context).request(context);
  }

  /**
   * The response object that receives the challenge headers. Default: the HTTP response;
   * `undefined` (no headers) for other contexts.
   *
   * @param context - the Nest execution context
   */
  getResponse(context: ExecutionContext): unknown {
    return context.getType<string>() === 'http' ? context.switchToHttp().getResponse() : undefined;
  }

  /**
   * Maps a core error to what the context's client understands: a `JwtHttpException` (headers
   * already on the HTTP response), a `JwtGraphQLException` in a resolver, a `WsException` with
   * `{ status, code, message }` in a gateway. Configuration errors stay as they are.
   *
   * @param err - what authentication or authorization threw
   * @param context - the Nest execution context
   */
  protected toException(err: unknown, context: ExecutionContext): unknown {
    if (!(err instanceof JwtError) || err.code === 'ERR_JWT_CONFIG_INVALID') return err;
    // A refusal raised before core's authenticate step (an ambiguous socket.io request).
    err.realm ??= this.auth.realm;
    const target = { response: this.getResponse(context), adapterHost: this.adapterHost };
    return transportOf(context).refusal(err, target);
  }

  private refuse(err: unknown, context: ExecutionContext): Promise<never> {
    return Promise.resolve(this.toException(err, context)).then((exception) =>
      Promise.reject(exception as Error),
    );
  }

  // Core's headers for a success (a rotated DPoP nonce) go on the response.
  private sendHeaders(result: AuthResult, context: ExecutionContext): AuthResult {
    if (result.authenticated && result.headers !== undefined) {
      setResponseHeaders(this.getResponse(context), result.headers, this.adapterHost);
    }
    return result;
  }

  // After authentication: the route's requirements, then its predicates (which may be async).
  private authorizeResult(result: AuthResult, plan: RoutePlan, request: unknown): Promise<boolean> {
    if (!result.authenticated) return ALLOWED;
    setAuthState(request as object, result, this.auth);
    if (plan.requireDpop) this.auth.requireDpop(result);
    for (const requirement of plan.requirements) this.auth.authorize(result.claims, requirement);
    if (plan.predicates.length === 0) return ALLOWED;
    return this.checkPredicates(plan.predicates, result.claims, request);
  }

  private async checkPredicates(
    predicates: readonly ClaimsPredicate[],
    claims: JwtClaims,
    request: unknown,
  ): Promise<boolean> {
    for (const predicate of predicates) {
      if ((await predicate(claims, request)) !== true) this.auth.refuse();
    }
    return true;
  }

  // Route metadata is fixed once the decorators ran: read it once per handler and class.
  private planOf(context: ExecutionContext): RoutePlan {
    const handler = context.getHandler();
    const cls = context.getClass();
    let byClass = this.plans.get(handler);
    if (byClass === undefined) this.plans.set(handler, (byClass = new WeakMap()));
    let plan = byClass.get(cls);
    if (plan === undefined)
      byClass.set(cls, (plan = readRoutePlan(this.reflector, [handler, cls])));
    return plan;
  }
}
