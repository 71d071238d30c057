import {
  createAuthenticator,
  JwtError,
  type AuthResult,
  type Authenticator,
  type JwtClaims,
} from '@tokenward/core';
import { JwtHttpException } from '../errors/jwt-http-exception.js';
import { setAuthState } from '../lib/auth-state.js';
import { toRequestView } from '../lib/request-view.js';
import { setResponseHeaders } from '../lib/set-response-headers.js';
import { mapPassportJwtOptions, providerContext } from './passport-jwt-options.js';
import {
  checkStrategyOptions,
  type JwtFromRequest,
  type TokenwardStrategyOptions,
  type VerifiedCallback,
} from './strategy-options.js';

type Outcome =
  | { ok: true; result: Extract<AuthResult, { authenticated: true }> }
  | { ok: false; error: JwtError };

/**
 * A Passport strategy backed by the tokenward verifier: a drop-in for passport-jwt's `Strategy`
 * under `@nestjs/passport`. Bad tokens fail with tokenward's status and body (401/400/503, stable
 * `code`); a missing token is a passport `fail` (so strategy chains still work) whose `info`
 * is the `JwtError` (`ERR_JWT_MISSING`, message "No access token was provided"), the challenge
 * being on the response already (Express). It needs neither passport nor passport-jwt at run time.
 *
 * @example
 * ```ts
 * @Injectable()
 * class JwtStrategy extends PassportStrategy(TokenwardStrategy, 'jwt') {
 *   constructor() {
 *     super({
 *       jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
 *       secretOrKey: process.env.JWT_SECRET,
 *       algorithms: ['HS256'],
 *     });
 *   }
 *
 *   validate(payload: JwtClaims) {
 *     return { userId: payload.sub };
 *   }
 * }
 * ```
 */
export class TokenwardStrategy {
  /** The passport strategy name; `PassportStrategy(TokenwardStrategy, name)` registers it under `name`. */
  name = 'jwt';
  /** Set by passport for each request. */
  declare success: (user: unknown, info?: unknown) => void;
  /** Set by passport for each request. */
  declare fail: (challenge?: unknown, status?: number) => void;
  /** Set by passport for each request. */
  declare error: (err: unknown) => void;
  // Plain properties, not #private: passport runs each request on an Object.create() copy.
  private readonly authenticator: Authenticator;
  private readonly verifyCallback: (...args: unknown[]) => void;
  private readonly jwtFromRequest: JwtFromRequest | undefined;
  private readonly passReqToCallback: boolean;

  /**
   * @param options - verifier and extraction options (tokenward or passport-jwt names)
   * @param verify - `(payload, done)`, or `(request, payload, done)` with `passReqToCallback`;
   *   `@nestjs/passport` supplies it from your `validate` method
   */
  constructor(options: TokenwardStrategyOptions, verify: (...args: never[]) => void) {
    const { jwtFromRequest, passReqToCallback = false, ...rest } = options ?? {};
    if (typeof verify !== 'function')
      throw new TypeError('TokenwardStrategy requires a verify callback');
    checkStrategyOptions(rest, jwtFromRequest);
    this.authenticator = createAuthenticator({
      ...mapPassportJwtOptions(rest),
      credentialsRequired: false,
    });
    this.verifyCallback = verify as (...args: unknown[]) => void;
    this.jwtFromRequest = jwtFromRequest;
    this.passReqToCallback = passReqToCallback === true;
  }

  /**
   * Called by passport for each request.
   *
   * @param request - the platform request
   */
  authenticate(request: unknown): void {
    this.check(request).then(
      (outcome) => {
        try {
          this.settle(request, outcome);
        } catch (err) {
          // A verify callback that throws instead of calling done(err).
          this.error(err);
        }
      },
      (err: unknown) => this.error(err),
    );
  }

  private async check(request: unknown): Promise<Outcome> {
    try {
      let result: AuthResult;
      if (this.jwtFromRequest === undefined) {
        result = await this.authenticator.authenticate(toRequestView(request));
      } else {
        const token = this.jwtFromRequest(request as never);
        result = token
          ? await providerContext.run({ request, token }, () => this.verifyToken(token))
          : { authenticated: false };
      }
      if (!result.authenticated) this.authenticator.authorize(undefined, {});
      return { ok: true, result: result as Extract<AuthResult, { authenticated: true }> };
    } catch (err) {
      if (err instanceof JwtError && err.code !== 'ERR_JWT_CONFIG_INVALID')
        return { ok: false, error: err };
      throw err;
    }
  }

  private async verifyToken(token: string): Promise<AuthResult> {
    const { header, payload } = await this.authenticator.verifier.verify<JwtClaims>(token);
    return { authenticated: true, claims: payload, header, token, source: 'custom' };
  }

  private settle(request: unknown, outcome: Outcome): void {
    if (!outcome.ok) {
      // Express requests link to their response; elsewhere the exception carries the headers.
      setResponseHeaders((request as { res?: unknown }).res, outcome.error.headers, undefined);
      // A passport failure (strategy chains go on), with the error as `info`, as passport-jwt
      // gave one: `handleRequest(err, user, info)` sees `info.message` and `info.code`.
      if (outcome.error.code === 'ERR_JWT_MISSING') return this.fail(outcome.error, 401);
      return this.error(new JwtHttpException(outcome.error));
    }
    setAuthState(request as object, outcome.result, this.authenticator);
    const done: VerifiedCallback = (err, user, info) => {
      if (err) return this.error(err);
      if (!user) return this.fail(info, 401);
      return this.success(user, info);
    };
    const claims = outcome.result.claims;
    if (this.passReqToCallback) this.verifyCallback(request, claims, done);
    else this.verifyCallback(claims, done);
  }
}
