import { Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { JwtError, type AuthResult, type JwtClaims, type Requirement } from '@tokenward/core';
import { JwtHttpException } from '../errors/jwt-http-exception.js';
import { JwtAuthService, type AuthenticateOptions } from '../jwt-auth.service.js';
import { getAuthState, setAuthState } from '../lib/auth-state.js';
import { requestFromContext, responseFromContext } from '../lib/context-request.js';
import type { ClaimsPredicate } from '../decorators/require-claims.decorator.js';
import {
  CLAIMS_PREDICATE_KEY,
  OPTIONAL_AUTH_KEY,
  PUBLIC_KEY,
  REQUIRE_DPOP_KEY,
  ROLES_KEY,
  SCOPES_KEY,
  type RequirementMetadata,
} from '../lib/metadata-keys.js';
import { setResponseHeaders } from '../lib/set-response-headers.js';

/** A route handler or controller class: where route decorators store their metadata. */
type DecoratedTarget = ReturnType<ExecutionContext['getHandler']>;

// What the decorators of one route ask for, read once.
interface RoutePlan {
  readonly isPublic: boolean;
  readonly requirements: readonly Requirement[];
  readonly predicates: readonly ClaimsPredicate[];
  /** `@RequireDpop()`: the request must have been authenticated with a DPoP proof. */
  readonly requireDpop: boolean;
  /** What the route asks of authentication (`{ optional }`), built once. */
  readonly authenticate: AuthenticateOptions;
}

// The answer of every request allowed without waiting (shared: a settled promise holds nothing).
const ALLOWED = Promise.resolve(true);

/**
 * Authenticates the request, then checks the route's `@Roles` / `@Scopes` / `@RequireClaims` in the same guard — so
 * no guard order can run an authorization check before authentication. Honours `@Public()` and
 * `@OptionalAuth()`. Puts the verified claims on `request.user` (and behind `@Claims()`).
 *
 * Failures become a {@link JwtHttpException} (401/400/403/503, body from core) after the
 * `WWW-Authenticate` / `Retry-After` headers were set on the response, so Nest's default
 * exception filter sends a complete answer on Express and Fastify alike.
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
    protected readonly auth: JwtAuthService,
    protected readonly reflector: Reflector,
    @Optional() protected readonly adapterHost?: HttpAdapterHost,
  ) {}

  /**
   * Decides whether the request may proceed; throws `JwtHttpException` when it may not.
   *
   * @param context - the Nest execution context
   */
  canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      const plan = this.planOf(context);
      if (plan.isPublic) return ALLOWED;
      const request = this.getRequest(context);
      // A request already authenticated by another JwtGuard (global + per-route) is not re-verified.
      const answer = getAuthState(request) ?? this.auth.authenticateNow(request, plan.authenticate);
      if (answer instanceof Promise) {
        return answer
          .then((result) => this.authorizeResult(this.sendHeaders(result, context), plan, request))
          .catch((err: unknown) => Promise.reject(this.toException(err, context)));
      }
      const decided = this.authorizeResult(this.sendHeaders(answer, context), plan, request);
      return decided === ALLOWED
        ? decided
        : decided.catch((err: unknown) => Promise.reject(this.toException(err, context)));
    } catch (err) {
      return Promise.reject(this.toException(err, context));
    }
  }

  /**
   * The request to authenticate. Default: the HTTP request, the GraphQL context's `req`, or a
   * socket.io client's handshake. Override it for other contexts.
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
    return requestFromContext(context);
  }

  /**
   * The response object that receives the challenge headers. Default: the HTTP response;
   * `undefined` (no headers) for other contexts.
   *
   * @param context - the Nest execution context
   */
  getResponse(context: ExecutionContext): unknown {
    return responseFromContext(context);
  }

  /** Maps a core error to the HTTP exception Nest sends, headers already on the response. */
  protected toException(err: unknown, context: ExecutionContext): unknown {
    // Configuration errors (500) stay raw so Nest logs them as unexpected.
    if (!(err instanceof JwtError) || err.code === 'ERR_JWT_CONFIG_INVALID') return err;
    setResponseHeaders(this.getResponse(context), err.headers, this.adapterHost);
    return new JwtHttpException(err);
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
    setAuthState(request as object, result);
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
    if (plan === undefined) byClass.set(cls, (plan = this.readPlan([handler, cls])));
    return plan;
  }

  private readPlan(targets: readonly DecoratedTarget[]): RoutePlan {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [...targets]) === true;
    const requirements = this.requirements(targets);
    const predicates = this.predicates(targets);
    const optionalMark = this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, [...targets]);
    const requireDpop =
      this.reflector.getAllAndOverride<boolean>(REQUIRE_DPOP_KEY, [...targets]) === true;
    // Requiring roles, scopes or DPoP implies requiring a token.
    const required = requirements.length > 0 || predicates.length > 0 || requireDpop;
    const optional = required ? false : optionalMark === true ? true : undefined;
    const authenticate = Object.freeze({ optional });
    return { isPublic, requirements, predicates, requireDpop, authenticate };
  }

  // Controller predicates first, then the route's: all of them must hold.
  private predicates(targets: readonly DecoratedTarget[]): ClaimsPredicate[] {
    return [...targets]
      .reverse()
      .map((target) =>
        this.reflector.get<ClaimsPredicate | undefined>(CLAIMS_PREDICATE_KEY, target),
      )
      .filter((p): p is ClaimsPredicate => p !== undefined);
  }

  // Controller requirements first, then the route's: all of them apply.
  private requirements(targets: readonly DecoratedTarget[]): Requirement[] {
    const result: Requirement[] = [];
    for (const target of [...targets].reverse()) {
      for (const [key, field] of [
        [ROLES_KEY, 'roles'],
        [SCOPES_KEY, 'scopes'],
      ] as const) {
        const meta = this.reflector.get<RequirementMetadata | undefined>(key, target);
        if (meta) result.push({ [field]: meta.values, mode: meta.mode });
      }
    }
    return result;
  }
}
