import { compileCsrfCheck } from '../cookies/check-csrf.js';
import { configError, JwtError } from '../errors/jwt-error.js';
import { createTokenExtractorNow, type ExtractedToken } from '../extract/create-token-extractor.js';
import { createAuthorizer } from '../roles/create-authorizer.js';
import type { JwtClaims, VerifyResult } from '../types/claims.js';
import { ownVerifyNow } from '../verify/verify-now.js';
import { malformedAuthorization } from '../extract/read-authorization.js';
import { isB64Token } from '../lib/b64token.js';
import { isThenable } from '../lib/is-thenable.js';
import { asPromise } from '../lib/as-promise.js';
import type { Authenticator, AuthenticatorOptions, AuthResult } from './authenticator-types.js';
import { buildVerifier } from './build-verifier.js';
import { checkHttps } from './check-https.js';
import type { RequestView } from './request-view.js';
import { DEFAULT_REALM, type DpopChallenge } from '../errors/http-answer.js';
import { readDpopOptions } from '../dpop/dpop-options.js';
import { readMtlsOptions } from '../mtls/mtls-options.js';
import { checkCertificateBinding } from '../mtls/check-certificate-binding.js';
import { createPossessionCheck, dpopChallenge, type Possession } from '../dpop/check-possession.js';
import { checkOptionNames } from '../config/check-option-names.js';
import { VERIFIER_OPTION_KEYS } from '../verify/read-verifier-options.js';
import { checkRequestHeaders } from './check-request.js';

/**
 * Every option of `createAuthenticator`, declared once, next to where they are read: the
 * verifier's options plus extraction, optional auth, CSRF, HTTPS, roles/scopes, claims
 * validation and sender constraints (DPoP, mTLS). Adapters check their own options against these plus theirs (`checkOptionNames`).
 *
 * @example
 * ```ts
 * import { AUTHENTICATOR_OPTION_KEYS, checkOptionNames } from '@tokenward/core';
 *
 * checkOptionNames({ audience: 'api' }, [...AUTHENTICATOR_OPTION_KEYS, 'onError'], 'jwt()');
 * ```
 */
export const AUTHENTICATOR_OPTION_KEYS: readonly string[] = Object.freeze([
  ...VERIFIER_OPTION_KEYS,
  'verifier',
  'realm',
  'cookie',
  'query',
  'getToken',
  'credentialsRequired',
  'allowedOrigins',
  'requireHttps',
  'rolesClaim',
  'scopesClaim',
  'roleHierarchy',
  'validateClaims',
  'dpop',
  'mtls',
]);

// The answer for a request without a token where none is required (shared: it holds nothing).
const ANONYMOUS = Object.freeze({ authenticated: false as const });

// RFC 6750 §3: a quoted-string value without `"`, `\` or controls.
const REALM = /^[\x20\x21\x23-\x5b\x5d-\x7e]+$/;

function isPreflight(req: RequestView): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

function differs(a: DpopChallenge | undefined, b: DpopChallenge | undefined): boolean {
  return (
    a?.usedDpop !== b?.usedDpop ||
    a?.algs !== b?.algs ||
    a?.bearer !== b?.bearer ||
    a?.nonce !== b?.nonce
  );
}

function bool(value: unknown, fallback: boolean, option: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') configError(option, 'must be a boolean');
  return value;
}

/**
 * The authenticate step every adapter shares: extract the one token of a request, refuse it over
 * plain HTTP (`requireHttps`), apply the CSRF check to cookie-carried tokens on unsafe methods,
 * verify it, validate the claims; `authorize` roles/scopes, and `refuse` (403) when a check of
 * the app's own fails. A request without token is `ERR_JWT_MISSING`, except with
 * `credentialsRequired: false` and for a CORS preflight (`OPTIONS` with
 * `Access-Control-Request-Method`), which are anonymous. Every authentication outcome it throws
 * or rejects with is a `JwtError` with `realm` set, ready to answer (`status`, `headers`,
 * `body`). What the app's own callbacks (`getToken`, `validateClaims`) throw that is not a
 * `JwtError` passes unchanged: the app's failure, for the framework's error path (500).
 *
 * With no options (or without `key`, `issuers` and `verifier`) the verifier comes from the environment
 * (`verifierOptionsFromEnv()`). Options are validated here, naming the option.
 *
 * @param options - verifier (or its options), token sources, realm, optional auth, CSRF, HTTPS,
 *   role/scope claim locations, claims validation
 * @returns the authenticator
 * @example
 * ```ts
 * import { createAuthenticator, JwtError, type RequestView } from '@tokenward/core';
 *
 * interface MyClaims { sub: string; roles: string[] }
 * const auth = createAuthenticator({
 *   algorithms: ['HS256'],
 *   key: 'a-secret-of-at-least-thirty-two-bytes!!',
 *   cookie: 'access_token',
 *   validateClaims: (c) => c as unknown as MyClaims,
 * });
 *
 * async function handle(view: RequestView): Promise<string> {
 *   try {
 *     const result = await auth.authenticate(view);
 *     if (!result.authenticated) return 'anonymous';
 *     auth.authorize(result.claims, { roles: ['admin'] });
 *     return `hello ${result.claims.sub}`;
 *   } catch (err) {
 *     if (err instanceof JwtError) return `${err.status} ${JSON.stringify(err.body)}`;
 *     throw err;
 *   }
 * }
 * void handle;
 * ```
 */
export function createAuthenticator<T = JwtClaims>(
  options: AuthenticatorOptions<T> = {},
): Authenticator<T> {
  if (typeof options !== 'object' || options === null) configError('options', 'must be an object');
  checkOptionNames(options, AUTHENTICATOR_OPTION_KEYS, 'createAuthenticator()');
  const realm = options.realm ?? DEFAULT_REALM;
  if (typeof realm !== 'string' || !REALM.test(realm)) {
    configError('realm', 'must be a non-empty string without quotes, backslashes or controls');
  }
  const credentialsRequired = bool(options.credentialsRequired, true, 'credentialsRequired');
  const requireHttps = bool(options.requireHttps, false, 'requireHttps');
  const { validateClaims } = options;
  if (validateClaims !== undefined && typeof validateClaims !== 'function') {
    configError('validateClaims', 'must be a function');
  }
  const csrf = compileCsrfCheck(options);
  const authorizer = createAuthorizer<T>(options);
  const verifier = buildVerifier(options as AuthenticatorOptions<unknown>);
  const own = ownVerifyNow(verifier);
  const verifyNow = own ?? ((token: string) => verifier.verify(token));
  // With our own verifier, a Bearer token's b64token syntax (RFC 6750 §2.1) is checked only once
  // the token is refused: a token that verifies is base64url and dots, which b64token allows, and
  // one that does not is refused before any key lookup or I/O. A cache hit then scans no
  // character of it. Another verifier may do I/O with any string: it gets checked tokens only.
  const dpop = readDpopOptions(options.dpop);
  const extract = createTokenExtractorNow(options, own === undefined, dpop.mode !== 'off');
  // The verifier's clock and tolerance (defaults with a prebuilt verifier).
  const clock = options.clock ?? Date.now;
  const possession = createPossessionCheck(dpop, clock, options.clockTolerance ?? 0);
  const mtls = readMtlsOptions(options.mtls);
  const refusal = (found: ExtractedToken, err: unknown): unknown =>
    own !== undefined && found.source === 'header' && !isB64Token(found.token)
      ? malformedAuthorization()
      : err;

  // A JwtError gets this realm and the DPoP challenge; anything else is a failure of the app's
  // own code (a throwing getToken, resolver or store) or a bug: it passes unchanged, so the
  // framework's own error path answers it (500), never as the client's fault.
  const withRealm = (err: unknown, req?: RequestView): JwtError => {
    if (!(err instanceof JwtError)) throw err;
    const challenge = dpopChallenge(dpop, req, clock);
    let error = err;
    // An error shared with another realm (a cached failure) is copied rather than changed.
    if (error.realm !== undefined && (error.realm !== realm || differs(error.dpop, challenge))) {
      const { scope, retryAfter, details } = error;
      error = new JwtError(error.code, error.message, { scope, retryAfter, details, cause: error });
    }
    error.realm = realm;
    error.dpop = challenge;
    return error;
  };

  const validate = (payload: JwtClaims): T => {
    if (validateClaims === undefined) return payload as T;
    // A JwtError it throws refuses the token; anything else it throws is the app's failure and
    // passes unchanged to the framework's error path (500): the token already passed every check.
    const claims = validateClaims(payload);
    if (typeof claims !== 'object' || claims === null) {
      throw new TypeError(
        `tokenward: validateClaims must return the claims object, not ${claims === null ? 'null' : typeof claims}`,
      );
    }
    return claims;
  };

  const result = (
    found: ExtractedToken,
    verified: VerifyResult,
    possession: Possession | undefined,
  ): AuthResult<T> => {
    const claims = validate(verified.payload);
    const { header } = verified;
    const { token, source } = found;
    // Two literals, not a member added to one: each literal's hidden class lives as long as its
    // code, whereas a class reached by adding a member dies at a full GC when no result holds it,
    // and the compiled code of the request path that used it is thrown away and compiled again.
    const accepted: AuthResult<T> =
      possession === undefined
        ? { authenticated: true, claims, header, token, source }
        : {
            authenticated: true,
            claims,
            header,
            token,
            source,
            confirmation: possession.confirmation,
          };
    if (verified.issuer !== undefined) accepted.issuer = verified.issuer;
    if (possession?.headers !== undefined) accepted.headers = possession.headers;
    return accepted;
  };

  // Proof of possession (DPoP) after the token's own verification, before the claims are used.
  const accept = (
    req: RequestView,
    found: ExtractedToken,
    verified: VerifyResult,
  ): AuthResult<T> | Promise<AuthResult<T>> => {
    const x5tS256 = checkCertificateBinding(mtls, req, verified.payload);
    const proven = possession(req, found, verified.payload);
    if (proven instanceof Promise) return proven.then((value) => result(found, verified, value));
    if (proven === undefined && x5tS256 !== undefined) {
      return result(found, verified, { confirmation: { method: 'mtls', x5tS256 } });
    }
    return result(found, verified, proven);
  };

  const rejecter =
    (req: RequestView) =>
    (err: unknown): never => {
      throw withRealm(err, req);
    };

  // Everything after extraction; throws (not rejects) whatever goes wrong synchronously.
  const verifyFound = (
    req: RequestView,
    found: ExtractedToken | undefined,
  ): AuthResult<T> | Promise<AuthResult<T>> => {
    if (found === undefined) {
      // A CORS preflight never carries credentials (Fetch §4.8): let the CORS layer answer it.
      if (credentialsRequired && !isPreflight(req)) throw new JwtError('ERR_JWT_MISSING');
      return ANONYMOUS;
    }
    if (requireHttps) checkHttps(req);
    if (found.source === 'cookie') csrf(req);
    let verified;
    try {
      verified = verifyNow(found.token);
    } catch (err) {
      throw refusal(found, err);
    }
    if (isThenable(verified)) {
      // Promise.resolve: a user's verifier may hand back another library's thenable.
      return Promise.resolve(verified).then(
        (value) => accept(req, found, value),
        (err: unknown) => Promise.reject(refusal(found, err) as Error),
      );
    }
    return accept(req, found, verified);
  };

  function authenticateNow(req: RequestView): AuthResult<T> | Promise<AuthResult<T>> {
    try {
      checkRequestHeaders(req);
      const found = extract(req);
      const answer =
        found instanceof Promise
          ? found.then((value) => verifyFound(req, value))
          : verifyFound(req, found);
      return answer instanceof Promise ? answer.catch(rejecter(req)) : answer;
    } catch (err) {
      throw withRealm(err, req);
    }
  }

  function authenticate(req: RequestView): Promise<AuthResult<T>> {
    return asPromise(() => authenticateNow(req));
  }

  return Object.freeze({
    verifier,
    realm,
    authenticate,
    authenticateNow,
    authorize(claims: T | undefined, requirement: Parameters<Authenticator<T>['authorize']>[1]) {
      try {
        authorizer.authorize(claims, requirement);
      } catch (err) {
        throw withRealm(err);
      }
    },
    refuse(): never {
      throw withRealm(new JwtError('ERR_JWT_INSUFFICIENT_SCOPE'));
    },
    requireDpop(result: AuthResult<T>): void {
      if (result.authenticated && result.confirmation?.method === 'dpop') return;
      const error = withRealm(
        new JwtError(result.authenticated ? 'ERR_DPOP_BINDING_MISMATCH' : 'ERR_JWT_MISSING'),
      );
      // This route accepts DPoP only, whatever the authenticator's mode.
      const challenge = dpopChallenge(dpop, undefined, clock);
      error.dpop = { algs: dpop.algs, nonce: challenge?.nonce, bearer: false, usedDpop: true };
      throw error;
    },
  });
}
