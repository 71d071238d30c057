import type { JwsHeader, JwtClaims } from '../types/claims.js';
import type { Verifier, VerifierOptions } from '../types/verifier-options.js';
import type { RequestView } from './request-view.js';

/** Where the token of an authenticated request came from. */
export type TokenSource = 'header' | 'cookie' | 'query' | 'custom';

/**
 * Options of {@link createAuthenticator}: the verifier (built here from the `VerifierOptions`
 * fields, or passed prebuilt as `verifier`), plus how tokens are extracted and what is enforced
 * around them. With no options at all, configuration comes from the environment
 * (`verifierOptionsFromEnv()`).
 *
 * @example
 * ```ts
 * const auth = createAuthenticator({ algorithms: ['HS256'], key: secret, cookie: 'access_token' });
 * ```
 */
export interface AuthenticatorOptions extends Partial<VerifierOptions> {
  /** A prebuilt verifier; when set, the `VerifierOptions` fields must be absent. */
  verifier?: Verifier;
  /** `realm` of every challenge. Default `"api"`. */
  realm?: string;
  /** Name of a cookie that may carry the token. Default: cookies are not read. */
  cookie?: string;
  /** Accept `?access_token=` (RFC 6750 §2.3, discouraged). Default `false`. */
  query?: boolean;
  /** Custom token getter; when it returns a string, that is the request's only token source. */
  getToken?: (req: RequestView) => string | undefined | Promise<string | undefined>;
  /** `false` makes authentication optional: no token → anonymous; a bad token is still rejected. Default `true`. */
  credentialsRequired?: boolean;
  /** Origins allowed to send unsafe requests authenticated by cookie. Default: same origin only. */
  allowedOrigins?: string[];
  /** Refuse tokens that arrive over plain HTTP (loopback exempt). Default `false`. */
  requireHttps?: boolean;
}

/**
 * The outcome of authenticating one request: the verified token, or an anonymous request when
 * authentication is optional and no token was sent.
 *
 * @example
 * ```ts
 * const result = await auth.authenticate(view);
 * if (result.authenticated) console.log(result.claims.sub);
 * ```
 */
export type AuthResult<T = JwtClaims> =
  | {
      authenticated: true;
      claims: T;
      header: JwsHeader;
      token: string;
      source: TokenSource;
    }
  | { authenticated: false };

/**
 * A requirement on roles or scopes, checked after authentication.
 *
 * @example
 * ```ts
 * const needsAdmin: Requirement = { roles: ['admin'] };
 * const needsAnyScope: Requirement = { scopes: ['read:a', 'read:b'], mode: 'any' };
 * ```
 */
export interface Requirement {
  /** Required roles. */
  roles?: string[];
  /** Required scopes. */
  scopes?: string[];
  /** `all` (default) or `any` of the listed values. */
  mode?: 'all' | 'any';
}

/**
 * The shared authenticate step every adapter calls. Rejections and throws are always `JwtError`
 * carrying status, `headers` (challenge) and `body`, with the configured `realm` set.
 *
 * @example
 * ```ts
 * const auth = createAuthenticator();
 * const result = await auth.authenticate(view);
 * auth.authorize(result.claims, { roles: ['admin'] });
 * ```
 */
export interface Authenticator<T = JwtClaims> {
  /** The verifier in use. */
  readonly verifier: Verifier;
  /** The configured realm. */
  readonly realm: string;
  /** Extracts, verifies and checks one request's token. */
  authenticate(req: RequestView): Promise<AuthResult<T>>;
  /** Throws `ERR_JWT_INSUFFICIENT_SCOPE` (403) when the claims do not meet the requirement. */
  authorize(claims: T, requirement: Requirement): void;
}
