import type { JwsHeader, JwtClaims } from '../types/claims.js';
import type { VerifiedIssuer } from '../types/issuer-options.js';
import type { Verifier, VerifierOptions } from '../types/verifier-options.js';
import type { CustomToken } from '../extract/create-token-extractor.js';
import type { ClaimPath } from '../roles/claim-path.js';
import type { RequestView } from './request-view.js';
import type { DpopOptions } from '../dpop/dpop-options.js';
import type { MtlsOptions } from '../mtls/mtls-options.js';
import type { Confirmation } from '../dpop/check-possession.js';

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
export interface AuthenticatorOptions<T = JwtClaims> extends Partial<VerifierOptions> {
  /**
   * A prebuilt verifier; when set, the `VerifierOptions` fields must be absent. When neither
   * `verifier` nor `key` is set, the verifier options come from the environment
   * (`verifierOptionsFromEnv()`), and the `VerifierOptions` fields given here override them.
   */
  verifier?: Verifier;
  /** `realm` of every challenge. Default `"api"`. */
  realm?: string;
  /** Name of a cookie that may carry the token. Default: cookies are not read. */
  cookie?: string;
  /** Accept `?access_token=` (RFC 6750 §2.3, discouraged). Default `false`. */
  query?: boolean;
  /**
   * Custom token getter. A thrown `JwtError` answers the request; anything else it throws goes
   * to the framework's error path (500). It counts as one more source: when it returns a token and another source
   * (header, cookie, query) also carries one, even the same one, the request is
   * `ERR_JWT_INVALID_REQUEST` (400). So a getter must not re-read `Authorization: Bearer` (as
   * express-jwt's README getter does): the header is always read already.
   * `undefined`, `null` or `''` mean "no token here". A getter that reads a cookie returns
   * `{ token, source: 'cookie' }`; a token found in the request's `Cookie` header counts as
   * cookie-borne anyway. Cookie-borne tokens get the CSRF check (docs/cookies-and-csrf.md).
   */
  getToken?: (req: RequestView) => CustomToken | Promise<CustomToken>;
  /** `false` makes authentication optional: no token → anonymous; a bad token is still rejected. Default `true`. */
  credentialsRequired?: boolean;
  /**
   * Origins (`https://app.example.com`) allowed to send unsafe requests authenticated by cookie,
   * besides the request's own origin. Default: same origin only.
   */
  allowedOrigins?: string[];
  /** Refuse tokens that arrive over plain HTTP (loopback exempt). Default `false`. */
  requireHttps?: boolean;
  /**
   * Where roles are read from; several locations are merged. Default `'roles'`.
   * E.g. `'realm_access.roles'` (Keycloak), `'https://example.com/roles'` (Auth0 namespaced),
   * `'cognito:groups'`, `'groups'`.
   */
  rolesClaim?: ClaimPath | readonly ClaimPath[];
  /**
   * Where scopes are read from; several locations are merged. A string value is split on spaces
   * (RFC 6749 `scope`). Default `['scope', 'scp']`; Auth0 RBAC adds `'permissions'`.
   */
  scopesClaim?: ClaimPath | readonly ClaimPath[];
  /**
   * Roles implied by other roles, transitively (cycles are harmless):
   * `{ admin: ['editor'], editor: ['viewer'] }` gives an admin `editor` and `viewer` too.
   */
  roleHierarchy?: Readonly<Record<string, readonly string[]>>;
  /**
   * Checks (and types) the verified claims. Return the claims (possibly narrowed); throw a
   * `JwtError` to refuse the token (e.g. `new JwtError('ERR_JWT_CLAIM_INVALID')`, 401). Anything
   * else it throws is a failure of the app (the token passed every check already): it goes to
   * the framework's error path (500). The return type becomes the claims type of every result.
   */
  validateClaims?: (claims: JwtClaims) => T;
  /**
   * DPoP (RFC 9449): accept (`mode: 'allowed'`, the default once the option is given) or demand
   * (`'required'`) `Authorization: DPoP <token>` with a `DPoP` proof header, checked after the
   * token's own verification on every request (the verified-token cache serves claims, never
   * proofs). A token bound to a key (`cnf.jkt`) is refused as a Bearer token whatever the mode.
   * The proofs' clock is `clock` and `clockTolerance` (defaults with a prebuilt `verifier`).
   */
  dpop?: DpopOptions;
  /**
   * Certificate-bound tokens (RFC 8705 §3): a token with `cnf["x5t#S256"]` is accepted only over
   * a TLS connection whose client certificate has that thumbprint (`mode: 'allowed'`, the default
   * once the option is given), or every token must be (`'required'`). Without the option,
   * certificate-bound tokens are refused.
   */
  mtls?: MtlsOptions;
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
      /** With the verifier's `issuers`: the entry that verified the token. */
      issuer?: VerifiedIssuer;
      /** How the token was bound to its sender, when it was (a DPoP proof key). */
      confirmation?: Confirmation;
      /**
       * Response headers the adapter sends with the success: `DPoP-Nonce` when the client's
       * DPoP nonce is about to expire (RFC 9449 §8).
       */
      headers?: Readonly<Record<string, string>>;
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
  roles?: readonly string[];
  /** Required scopes. */
  scopes?: readonly string[];
  /**
   * `all` (default) or `any` of the listed values. Applies within each list; when both `roles`
   * and `scopes` are given, both lists must be satisfied.
   */
  mode?: 'all' | 'any';
}

/**
 * The shared authenticate step every adapter calls. Every authentication outcome is a `JwtError`
 * carrying status, `headers` (challenge) and `body`, with the configured `realm` set; an error
 * thrown by the app's own callbacks (`getToken`, `validateClaims`) passes through unchanged, for
 * the framework's error path (500).
 *
 * @example
 * ```ts
 * const auth = createAuthenticator();
 * const result = await auth.authenticate(view);
 * auth.authorize(result.authenticated ? result.claims : undefined, { roles: ['admin'] });
 * if (result.authenticated && result.claims.tenant !== 'acme') auth.refuse();
 * ```
 */
export interface Authenticator<T = JwtClaims> {
  /** The verifier in use. */
  readonly verifier: Verifier;
  /** The configured realm. */
  readonly realm: string;
  /** Extracts, verifies and checks one request's token. */
  authenticate(req: RequestView): Promise<AuthResult<T>>;
  /**
   * `authenticate` without the promise when none is needed: the result itself when no step has
   * to wait (no custom `getToken` promise, no key fetch or resolver, no revocation store), else a
   * Promise of it. Throws (or rejects with) the same `JwtError`s. The adapters' request path.
   *
   * @example
   * ```ts
   * const answer = auth.authenticateNow(view);
   * const result = answer instanceof Promise ? await answer : answer;
   * ```
   */
  authenticateNow(req: RequestView): AuthResult<T> | Promise<AuthResult<T>>;
  /**
   * Throws `ERR_JWT_INSUFFICIENT_SCOPE` (403) when the claims do not meet the requirement, and
   * `ERR_JWT_MISSING` (401) when there are no claims (an anonymous request under optional auth).
   */
  authorize(claims: T | undefined, requirement: Requirement): void;
  /**
   * Throws `ERR_JWT_INSUFFICIENT_SCOPE` (403, `insufficient_scope` challenge, configured realm):
   * the refusal of an authorization check of the app's own over verified claims, as when a
   * `requireClaims` predicate does not hold.
   *
   * @example
   * ```ts
   * if (claims.tenant !== tenantId) auth.refuse();
   * ```
   */
  refuse(): never;
  /**
   * Throws `ERR_DPOP_BINDING_MISMATCH` (401, DPoP-only challenge) unless the request was
   * authenticated with a DPoP proof: a route-level "DPoP required" on an authenticator whose
   * `dpop.mode` is `allowed` (Nest's `@RequireDpop()`). An anonymous result is refused too.
   *
   * @param result - the result of `authenticate` for this request
   * @example
   * ```ts
   * const result = await auth.authenticate(view);
   * auth.requireDpop(result);
   * ```
   */
  requireDpop(result: AuthResult<T>): void;
}
