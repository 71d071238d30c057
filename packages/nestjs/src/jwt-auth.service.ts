import { Inject, Injectable } from '@nestjs/common';
import {
  createAuthenticator,
  createSigner,
  type AuthResult,
  type Authenticator,
  type JwtClaims,
  type Requirement,
  type RevocationStore,
  type Signer,
  type SignOptions,
  type Verifier,
  type VerifyResult,
} from '@tokenward/core';
import { JWT_AUTH_OPTIONS } from './jwt-auth.constants.js';
import { toRequestView } from './lib/request-view.js';
import type { JwtAuthOptions } from './options/jwt-auth-options.js';
import { AUTHENTICATOR_OPTION_KEYS, checkOptionNames, configError } from '@tokenward/core';

/** Every option of the module (forRoot, or what forRootAsync's factory returns), declared once. */
export const JWT_AUTH_OPTION_KEYS: readonly string[] = [...AUTHENTICATOR_OPTION_KEYS, 'signer'];
// Names from the other adapters and from @nestjs/jwt / @nestjs/passport.
export const JWT_AUTH_HINTS: Readonly<Record<string, string>> = {
  onError: 'failures are thrown as JwtHttpException; use an exception filter',
  passthrough: 'use credentialsRequired: false, @OptionalAuth() or @Public()',
  signOptions: 'use signer: { algorithm, key, expiresIn, issuer, audience }',
  property: 'claims are always request.user',
  defaultStrategy: 'no Passport strategy is needed: JwtGuard verifies the token',
};

/**
 * Per-call switches of {@link JwtAuthService.authenticate}.
 *
 * @example
 * ```ts
 * const result = await auth.authenticate(req, { optional: true } satisfies AuthenticateOptions);
 * ```
 */
export interface AuthenticateOptions {
  /** Let a request without credentials through as anonymous. Default: the module's `credentialsRequired` inverted. */
  optional?: boolean;
}

function isSigner(value: unknown): value is Signer {
  return typeof (value as Signer | undefined)?.sign === 'function';
}

/**
 * The module's authentication service: one verifier, an optional signer and the revocation store,
 * built once from the module options. `JwtGuard` uses it; inject it into login and logout routes.
 *
 * @example
 * ```ts
 * @Controller('auth')
 * class AuthController {
 *   constructor(private readonly auth: JwtAuthService) {}
 *
 *   @Post('logout')
 *   @HttpCode(204)
 *   @UseGuards(JwtGuard)
 *   async logout(@Claims() claims: JwtClaims) {
 *     await this.auth.revoke(claims);
 *   }
 * }
 * ```
 */
@Injectable()
export class JwtAuthService {
  /** The verifier every guard of this module uses. */
  readonly verifier: Verifier;
  /** The protection realm of every challenge. */
  readonly realm: string;
  /** Whether routes without `@OptionalAuth()` need credentials (the `credentialsRequired` option). */
  readonly credentialsRequired: boolean;
  /** The revocation store (the `revocation` option), if any. */
  readonly revocation: RevocationStore | undefined;
  readonly #authenticator: Authenticator;
  readonly #signer: Signer | undefined;

  /**
   * @param options - the module options (`JWT_AUTH_OPTIONS`)
   */
  constructor(@Inject(JWT_AUTH_OPTIONS) options: JwtAuthOptions) {
    if (typeof options !== 'object' || options === null)
      configError('options', 'must be an object');
    checkOptionNames(options, JWT_AUTH_OPTION_KEYS, 'JwtAuthModule options', JWT_AUTH_HINTS);
    const { signer, credentialsRequired = true, ...authOptions } = options;
    if (typeof credentialsRequired !== 'boolean') {
      configError('credentialsRequired', 'must be a boolean');
    }
    // One authenticator in optional mode: required routes turn "anonymous" into core's 401 below.
    this.#authenticator = createAuthenticator({ ...authOptions, credentialsRequired: false });
    this.verifier = this.#authenticator.verifier;
    this.realm = this.#authenticator.realm;
    this.credentialsRequired = credentialsRequired;
    this.revocation = options.revocation;
    this.#signer =
      signer === undefined ? undefined : isSigner(signer) ? signer : createSigner(signer);
  }

  /** The configured signer; throws a configuration error when the `signer` option is absent. */
  get signer(): Signer {
    if (this.#signer === undefined) configError('signer', 'is not configured on JwtAuthModule');
    return this.#signer;
  }

  /**
   * Authenticates one request of any Nest platform (Express, Fastify, a socket.io handshake).
   * Rejects with `JwtError`: `ERR_JWT_MISSING` when credentials are required and absent.
   *
   * @param request - the platform request object
   * @param options - `{ optional: true }` to let anonymous requests through
   * @example
   * ```ts
   * const result = await auth.authenticate(req, { optional: true });
   * ```
   */
  authenticate(request: unknown, options: AuthenticateOptions = {}): Promise<AuthResult> {
    try {
      return Promise.resolve(this.authenticateNow(request, options));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /**
   * {@link JwtAuthService.authenticate} without the promise when none is needed: the result
   * itself when no step has to wait (core's `authenticateNow`), else a Promise of it. Throws (or
   * rejects with) the same `JwtError`s. The guard's request path.
   *
   * @param request - the platform request object
   * @param options - `{ optional: true }` to let anonymous requests through
   * @example
   * ```ts
   * const answer = auth.authenticateNow(req);
   * const result = answer instanceof Promise ? await answer : answer;
   * ```
   */
  authenticateNow(
    request: unknown,
    options: AuthenticateOptions = {},
  ): AuthResult | Promise<AuthResult> {
    const optional = options.optional ?? !this.credentialsRequired;
    const answer = this.#authenticator.authenticateNow(toRequestView(request));
    if (answer instanceof Promise) return answer.then((result) => this.#required(result, optional));
    return this.#required(answer, optional);
  }

  // Core decides what an anonymous request under required authentication is (401, challenge).
  #required(result: AuthResult, optional: boolean): AuthResult {
    if (!result.authenticated && !optional) this.#authenticator.authorize(undefined, {});
    return result;
  }

  /**
   * Checks roles/scopes on verified claims; throws `JwtError` `ERR_JWT_INSUFFICIENT_SCOPE` (403).
   *
   * @param claims - the verified claims (`undefined` for an anonymous request: 401)
   * @param requirement - the roles and/or scopes, all-of or any-of
   * @example
   * ```ts
   * auth.authorize(claims, { roles: ['admin'] });
   * ```
   */
  authorize(claims: JwtClaims | undefined, requirement: Requirement): void {
    this.#authenticator.authorize(claims, requirement);
  }

  /**
   * Throws the 403 `ERR_JWT_INSUFFICIENT_SCOPE` error of this module's realm, for checks of your
   * own over verified claims (what `@RequireClaims` does when its predicate is not `true`).
   *
   * @example
   * ```ts
   * if (claims.tenant !== tenantId) auth.refuse();
   * ```
   */
  refuse(): never {
    return this.#authenticator.refuse();
  }

  /**
   * Throws `ERR_DPOP_BINDING_MISMATCH` (401) unless the request was authenticated with a DPoP
   * proof (what `@RequireDpop()` does).
   *
   * @param result - the request's authentication result
   * @example
   * ```ts
   * auth.requireDpop(await auth.authenticate(req));
   * ```
   */
  requireDpop(result: AuthResult): void {
    this.#authenticator.requireDpop(result);
  }

  /**
   * Verifies a token string with the module's verifier (rejects with `JwtError`).
   *
   * @param token - a compact JWS
   * @example
   * ```ts
   * const { payload } = await auth.verify(token);
   * ```
   */
  verify<T = JwtClaims>(token: string): Promise<VerifyResult<T>> {
    return this.verifier.verify<T>(token);
  }

  /**
   * Signs a token with the configured signer (the `signer` option).
   *
   * @param claims - the claims; `iss`, `aud`, `iat`, `exp` and `jti` come from the signer
   * @param options - per-token lifetime, issuer, audience or `typ`
   * @example
   * ```ts
   * const token = await auth.sign({ sub: user.id, roles: user.roles });
   * ```
   */
  sign(claims: JwtClaims, options?: SignOptions): Promise<string> {
    return this.signer.sign(claims, options);
  }

  /**
   * Revokes one verified token by (`iss`, `jti`) until it expires, in the configured store.
   *
   * @param claims - the verified claims of the token to revoke (needs `jti` and `exp`)
   * @example
   * ```ts
   * await auth.revoke(claims);
   * ```
   */
  async revoke(claims: JwtClaims): Promise<void> {
    const store = this.revocation;
    if (store === undefined) configError('revocation', 'is not configured on JwtAuthModule');
    await store.revoke({ jti: claims.jti as string, iss: claims.iss, exp: claims.exp as number });
  }
}
