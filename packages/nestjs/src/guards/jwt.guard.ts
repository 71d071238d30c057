import { Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { JwtError, type Requirement } from '@tokenward/core';
import { JwtHttpException } from '../errors/jwt-http-exception.js';
import { JwtAuthService } from '../jwt-auth.service.js';
import { getAuthState, setAuthState } from '../lib/auth-state.js';
import { requestFromContext, responseFromContext } from '../lib/context-request.js';
import type { ClaimsPredicate } from '../decorators/require-claims.decorator.js';
import {
  CLAIMS_PREDICATE_KEY,
  OPTIONAL_AUTH_KEY,
  PUBLIC_KEY,
  ROLES_KEY,
  SCOPES_KEY,
  type RequirementMetadata,
} from '../lib/metadata-keys.js';
import { setResponseHeaders } from '../lib/set-response-headers.js';

/** A route handler or controller class: where route decorators store their metadata. */
type DecoratedTarget = ReturnType<ExecutionContext['getHandler']>;

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
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true) return true;
    const requirements = this.requirements(targets);
    const predicates = this.predicates(targets);
    const optionalMark = this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets);
    // Requiring roles or scopes implies requiring a token.
    const required = requirements.length > 0 || predicates.length > 0;
    const optional = required ? false : optionalMark === true ? true : undefined;
    const request = this.getRequest(context);
    try {
      // A request already authenticated by another JwtGuard (global + per-route) is not re-verified.
      const state = getAuthState(request);
      const result = state ?? (await this.auth.authenticate(request, { optional }));
      if (result.authenticated) {
        setAuthState(request as Record<string, unknown>, result);
        for (const requirement of requirements) this.auth.authorize(result.claims, requirement);
        for (const predicate of predicates) {
          if ((await predicate(result.claims, request)) !== true) this.auth.refuse();
        }
      }
      return true;
    } catch (err) {
      throw this.toException(err, context);
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
