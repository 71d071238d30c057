import type { AuthenticatorOptions } from '@tokenward/core';
import { AUTHENTICATOR_OPTION_KEYS, checkOptionNames, configError } from '@tokenward/core';

/** The strategy's options besides jwtFromRequest/passReqToCallback, declared once. */
const STRATEGY_OPTION_KEYS = [
  ...AUTHENTICATOR_OPTION_KEYS,
  'secretOrKey',
  'secretOrKeyProvider',
  'ignoreExpiration',
  'jsonWebTokenOptions',
];
import type { PassportJwtOptions } from './passport-jwt-options.js';

/**
 * passport-jwt's `jwtFromRequest`: any `ExtractJwt.*` extractor, or your own.
 *
 * @example
 * ```ts
 * const fromHeader: JwtFromRequest = (req: { headers: Record<string, string | undefined> }) =>
 *   req.headers['x-access-token'];
 * ```
 */
export type JwtFromRequest = (request: never) => string | null | undefined;

/**
 * Options of {@link TokenwardStrategy}: tokenward's authenticator options, passport-jwt's names
 * (`secretOrKey`, `secretOrKeyProvider`, `jsonWebTokenOptions`, `ignoreExpiration` — refused when
 * `true`), and passport-jwt's `jwtFromRequest` / `passReqToCallback`.
 *
 * @example
 * ```ts
 * const options: TokenwardStrategyOptions = {
 *   jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
 *   secretOrKey: process.env.JWT_SECRET,
 *   algorithms: ['HS256'],
 *   issuer: 'https://auth.example.com',
 * };
 * ```
 */
export interface TokenwardStrategyOptions extends AuthenticatorOptions, PassportJwtOptions {
  /** Where the token comes from. Default: tokenward's strict extraction (Bearer header, `cookie`, `query`). */
  jwtFromRequest?: JwtFromRequest;
  /** Call the verify callback as `(request, payload, done)`. Default `false`. */
  passReqToCallback?: boolean;
}

/**
 * passport's `done` for the verify callback.
 *
 * @example
 * ```ts
 * const verify = (payload: JwtClaims, done: VerifiedCallback) => done(null, { id: payload.sub });
 * ```
 */
export type VerifiedCallback = (err: unknown, user?: unknown, info?: unknown) => void;

// Options the strategy cannot honour, with what to do instead.
const REFUSED = {
  validateClaims: 'is not used by the strategy: check claims in validate()',
  credentialsRequired: 'is not used by the strategy: chain an anonymous strategy instead',
} as const;
// Options only tokenward's own extraction honours (not a custom jwtFromRequest).
const EXTRACTION_ONLY = ['cookie', 'query', 'getToken', 'allowedOrigins', 'requireHttps'] as const;

/** Refuses options the strategy would otherwise silently ignore. */
export function checkStrategyOptions(options: object, jwtFromRequest: unknown): void {
  checkOptionNames(options, STRATEGY_OPTION_KEYS, 'TokenwardStrategy');
  for (const [name, problem] of Object.entries(REFUSED)) {
    if (name in options) configError(name, problem);
  }
  if (jwtFromRequest === undefined) {
    // The provider receives the raw token, which only a jwtFromRequest extractor hands over.
    if ('secretOrKeyProvider' in options) {
      configError(
        'secretOrKeyProvider',
        'needs jwtFromRequest; or use key with a resolver or a JWK Set',
      );
    }
    return;
  }
  if (typeof jwtFromRequest !== 'function') configError('jwtFromRequest', 'must be a function');
  for (const name of EXTRACTION_ONLY) {
    if (name in options)
      configError(name, 'applies only without jwtFromRequest (tokenward extraction)');
  }
}
