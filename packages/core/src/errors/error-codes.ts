/**
 * Every stable error code tokenward can produce. Codes never change meaning between releases.
 *
 * @example
 * ```ts
 * if (err instanceof JwtError && err.code === 'ERR_JWT_EXPIRED') refreshToken();
 * ```
 */
export type JwtErrorCode =
  | 'ERR_JWT_MISSING'
  | 'ERR_JWT_INVALID_REQUEST'
  | 'ERR_JWT_TOO_LARGE'
  | 'ERR_JWT_MALFORMED'
  | 'ERR_JWT_ALG_NOT_ALLOWED'
  | 'ERR_JWT_KEY_NOT_FOUND'
  | 'ERR_JWT_KEY_INVALID'
  | 'ERR_JWT_SIGNATURE_INVALID'
  | 'ERR_JWT_CRIT_UNSUPPORTED'
  | 'ERR_JWT_CLAIM_INVALID'
  | 'ERR_JWT_EXPIRED'
  | 'ERR_JWT_NOT_YET_VALID'
  | 'ERR_JWT_ISSUER_MISMATCH'
  | 'ERR_JWT_AUDIENCE_MISMATCH'
  | 'ERR_JWT_TYPE_MISMATCH'
  | 'ERR_JWT_REVOKED'
  | 'ERR_JWT_INSUFFICIENT_SCOPE'
  | 'ERR_JWT_CSRF'
  | 'ERR_JWT_HTTPS_REQUIRED'
  | 'ERR_JWKS_UNAVAILABLE'
  | 'ERR_REVOCATION_UNAVAILABLE'
  | 'ERR_DPOP_PROOF_INVALID'
  | 'ERR_DPOP_BINDING_MISMATCH'
  | 'ERR_DPOP_REPLAYED'
  | 'ERR_DPOP_NONCE_REQUIRED'
  | 'ERR_DPOP_REPLAY_UNAVAILABLE'
  | 'ERR_MTLS_BINDING_MISMATCH'
  | 'ERR_JWT_CONFIG_INVALID';

/** The RFC 6750 §3.1 `error` value sent in the challenge, or `undefined` when none is sent. */
export type BearerErrorValue = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

/** The RFC 9449 §7.1 `error` value of a DPoP challenge for a fault of the proof itself. */
export type DpopErrorValue = 'invalid_dpop_proof' | 'use_dpop_nonce';

/** HTTP meaning of one error code: status, RFC 6750 error value, and a fixed description. */
export interface ErrorMeaning {
  /** HTTP status an adapter answers with. */
  readonly status: number;
  /** RFC 6750 `error` attribute of the challenge; absent when the challenge carries none. */
  readonly bearerError?: BearerErrorValue;
  /** RFC 9449 `error` attribute, for faults of the DPoP proof (sent on the `DPoP` challenge). */
  readonly dpopError?: DpopErrorValue;
  /** Whether the answer carries a `WWW-Authenticate: Bearer` challenge. */
  readonly challenge: boolean;
  /** Fixed, token-independent text used as `error_description`. */
  readonly description: string;
}

/**
 * Fixed descriptions that refine a code's for one `details.reason`, where the generic text would
 * mislead (a blank `Authorization: Bearer` is not "malformed or ambiguous" to the person who
 * sent it). Like every description, built by the library only, never from the request.
 *
 * @example
 * ```ts
 * REFINED_DESCRIPTIONS.ERR_JWT_INVALID_REQUEST?.empty_token;
 * ```
 */
export const REFINED_DESCRIPTIONS: Readonly<
  Partial<Record<JwtErrorCode, Readonly<Record<string, string>>>>
> = Object.freeze({
  ERR_JWT_INVALID_REQUEST: Object.freeze({
    empty_token: 'The request carries an empty token after Bearer',
  }),
});

const token = (description: string): ErrorMeaning => ({
  status: 401,
  bearerError: 'invalid_token',
  challenge: true,
  description,
});

const proof = (description: string): ErrorMeaning => ({
  status: 401,
  dpopError: 'invalid_dpop_proof',
  challenge: true,
  description,
});

/**
 * The one table that maps every error code to its HTTP meaning (DESIGN.md §4). Adapters never
 * decide a status themselves; they read it from here through `JwtError`.
 *
 * @example
 * ```ts
 * ERROR_MEANINGS.ERR_JWT_EXPIRED.status; // 401
 * ```
 */
export const ERROR_MEANINGS: Readonly<Record<JwtErrorCode, ErrorMeaning>> = Object.freeze({
  ERR_JWT_MISSING: { status: 401, challenge: true, description: 'No access token was provided' },
  ERR_JWT_INVALID_REQUEST: {
    status: 400,
    bearerError: 'invalid_request',
    challenge: true,
    description: 'The request carries a malformed or ambiguous access token',
  },
  ERR_JWT_TOO_LARGE: token('The access token is too large'),
  ERR_JWT_MALFORMED: token('The access token is malformed'),
  ERR_JWT_ALG_NOT_ALLOWED: token('The access token algorithm is not allowed'),
  ERR_JWT_KEY_NOT_FOUND: token('No key is known for the access token'),
  ERR_JWT_KEY_INVALID: token('The key for the access token is not usable'),
  ERR_JWT_SIGNATURE_INVALID: token('The access token signature is invalid'),
  ERR_JWT_CRIT_UNSUPPORTED: token('The access token uses an unsupported critical header'),
  ERR_JWT_CLAIM_INVALID: token('The access token has an invalid claim'),
  ERR_JWT_EXPIRED: token('The access token expired'),
  ERR_JWT_NOT_YET_VALID: token('The access token is not valid yet'),
  ERR_JWT_ISSUER_MISMATCH: token('The access token issuer is not accepted'),
  ERR_JWT_AUDIENCE_MISMATCH: token('The access token audience is not accepted'),
  ERR_JWT_TYPE_MISMATCH: token('The access token type is not accepted'),
  ERR_JWT_REVOKED: token('The access token was revoked'),
  ERR_JWT_INSUFFICIENT_SCOPE: {
    status: 403,
    bearerError: 'insufficient_scope',
    challenge: true,
    description: 'The access token does not grant the required scope',
  },
  ERR_JWT_CSRF: {
    status: 403,
    challenge: false,
    description: 'Cross-site request refused for cookie authentication',
  },
  ERR_JWT_HTTPS_REQUIRED: {
    status: 400,
    bearerError: 'invalid_request',
    challenge: true,
    description: 'Access tokens are only accepted over HTTPS',
  },
  ERR_JWKS_UNAVAILABLE: {
    status: 503,
    challenge: false,
    description: 'The key set is temporarily unavailable',
  },
  ERR_REVOCATION_UNAVAILABLE: {
    status: 503,
    challenge: false,
    description: 'The revocation store is temporarily unavailable',
  },
  ERR_DPOP_PROOF_INVALID: proof('The DPoP proof is invalid'),
  ERR_DPOP_BINDING_MISMATCH: token('The access token is not bound to the proof of possession sent'),
  ERR_DPOP_REPLAYED: proof('The DPoP proof was already used'),
  ERR_DPOP_NONCE_REQUIRED: {
    status: 401,
    dpopError: 'use_dpop_nonce',
    challenge: true,
    description: 'The DPoP proof must carry the nonce the server provided',
  },
  ERR_DPOP_REPLAY_UNAVAILABLE: {
    status: 503,
    challenge: false,
    description: 'The DPoP replay store is temporarily unavailable',
  },
  ERR_MTLS_BINDING_MISMATCH: token(
    'The access token is not bound to the client certificate of the connection',
  ),
  ERR_JWT_CONFIG_INVALID: {
    status: 500,
    challenge: false,
    description: 'The authentication configuration is invalid',
  },
});
