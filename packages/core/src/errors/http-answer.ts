import { DEFAULT_PROOF_ALGORITHMS } from '../dpop/default-proof-algorithms.js';
import { ERROR_MEANINGS, REFINED_DESCRIPTIONS, type ErrorMeaning } from './error-codes.js';
import type { JwtError } from './jwt-error.js';

/** The default `realm` of every challenge. */
export const DEFAULT_REALM = 'api';

/**
 * How a failed request is challenged when DPoP (RFC 9449) is enabled: set on a `JwtError` by the
 * authenticate step. Errors without it are answered with a `Bearer` challenge only.
 *
 * @example
 * ```ts
 * const challenge: DpopChallenge = { algs: ['ES256'], bearer: true, usedDpop: false };
 * ```
 */
export interface DpopChallenge {
  /** The proof algorithms accepted, sent as `algs`. */
  readonly algs: readonly string[];
  /** Whether `Bearer` is accepted too (mode `allowed`): then a `Bearer` challenge is sent too. */
  readonly bearer: boolean;
  /** Whether the request used the `DPoP` scheme: its token faults go on the `DPoP` challenge. */
  readonly usedDpop: boolean;
  /** A server nonce for the client's next proof, sent as `DPoP-Nonce` (RFC 9449 §8). */
  readonly nonce?: string;
}

// What a DPoP-only code is answered with when no authenticate step described the schemes.
const DPOP_ONLY: DpopChallenge = Object.freeze({
  algs: DEFAULT_PROOF_ALGORITHMS,
  bearer: false,
  usedDpop: true,
});

/**
 * The HTTP answer for a failed request: status, headers and JSON body, all built from the error
 * code (and configured scopes) only — never from token contents.
 *
 * @example
 * ```ts
 * const answer: HttpAnswer = httpAnswer(err);
 * res.status(answer.status).set(answer.headers).json(answer.body);
 * ```
 */
export interface HttpAnswer {
  /** HTTP status. */
  status: number;
  /** `WWW-Authenticate` (RFC 6750, RFC 9449), `DPoP-Nonce` and/or `Retry-After`, when they apply. */
  headers: Record<string, string>;
  /** JSON body: RFC 6750 style `error` and `error_description`, plus the stable `code`. */
  body: { error: string; error_description: string; code: string };
}

// RFC 6750 §3: quoted values may hold only %x20-21 / %x23-5B / %x5D-7E (no `"`, `\`, controls).
const QUOTED_SAFE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/g;
// A scope token: %x21 / %x23-5B / %x5D-7E.
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

function quoted(value: string): string {
  return `"${value.replace(QUOTED_SAFE, '')}"`;
}

/**
 * Builds the RFC 6750 `WWW-Authenticate` challenge value for an error, or `undefined` when the
 * error carries no challenge (503, CSRF, configuration).
 *
 * @param err - the error
 * @param realm - the protection realm; defaults to {@link DEFAULT_REALM}
 * @example
 * ```ts
 * bearerChallenge(new JwtError('ERR_JWT_EXPIRED'));
 * // 'Bearer realm="api", error="invalid_token", error_description="The access token expired"'
 * ```
 */
export function bearerChallenge(err: JwtError, realm: string = DEFAULT_REALM): string | undefined {
  const meaning = ERROR_MEANINGS[err.code];
  if (!meaning.challenge) return undefined;
  return `Bearer ${[`realm=${quoted(realm)}`, ...errorParams(err, meaning)].join(', ')}`;
}

// The `error`, `error_description` and (403) `scope` attributes of a challenge.
function errorParams(err: JwtError, meaning: ErrorMeaning): string[] {
  const error = meaning.dpopError ?? meaning.bearerError;
  if (error === undefined) return [];
  const params = [`error=${quoted(error)}`, `error_description=${quoted(descriptionOf(err))}`];
  const scope = (err.scope ?? []).filter((s) => SCOPE_TOKEN.test(s));
  if (error === 'insufficient_scope' && scope.length > 0) {
    params.push(`scope=${quoted(scope.join(' '))}`);
  }
  return params;
}

/**
 * The whole `WWW-Authenticate` value: a `Bearer` challenge; or, with DPoP enabled, a `DPoP`
 * challenge (`algs`, RFC 9449 §7.1) plus a `Bearer` one when both schemes are accepted. The
 * error goes on the scheme the request used (proof faults always on `DPoP`), first.
 */
function authenticateHeader(err: JwtError, realm: string): string | undefined {
  const meaning = ERROR_MEANINGS[err.code];
  if (!meaning.challenge) return undefined;
  const dpop = err.dpop ?? (meaning.dpopError === undefined ? undefined : DPOP_ONLY);
  if (dpop === undefined) return bearerChallenge(err, realm);
  const onDpop = meaning.dpopError !== undefined || dpop.usedDpop || !dpop.bearer;
  const params = [`algs=${quoted(dpop.algs.join(' '))}`];
  if (onDpop) params.push(...errorParams(err, meaning));
  const dpopChallenge = `DPoP ${params.join(', ')}`;
  if (!dpop.bearer) return dpopChallenge;
  if (!onDpop) return `${bearerChallenge(err, realm) as string}, ${dpopChallenge}`;
  return `${dpopChallenge}, Bearer realm=${quoted(realm)}`;
}

// The code's fixed description, or its fixed refinement for the error's `details.reason`.
function descriptionOf(err: JwtError): string {
  const reason = err.details?.reason;
  const refined = reason === undefined ? undefined : REFINED_DESCRIPTIONS[err.code];
  if (refined !== undefined && Object.hasOwn(refined, reason as string)) {
    return refined[reason as string] as string;
  }
  return ERROR_MEANINGS[err.code].description;
}

function bodyError(err: JwtError): string {
  const meaning = ERROR_MEANINGS[err.code];
  if (meaning.dpopError) return meaning.dpopError;
  if (meaning.bearerError) return meaning.bearerError;
  if (meaning.status === 503) return 'temporarily_unavailable';
  if (meaning.status === 403) return 'access_denied';
  if (meaning.status === 401) return 'unauthorized';
  return 'server_error';
}

/**
 * The full HTTP answer for an error: what every adapter sends when it answers by itself.
 *
 * @param err - the error
 * @param realm - the protection realm; defaults to {@link DEFAULT_REALM}
 * @example
 * ```ts
 * const { status, headers, body } = httpAnswer(err, 'my-api');
 * ```
 */
export function httpAnswer(err: JwtError, realm?: string): HttpAnswer {
  const meaning = ERROR_MEANINGS[err.code];
  const headers: Record<string, string> = {};
  const challenge = authenticateHeader(err, realm ?? DEFAULT_REALM);
  if (challenge !== undefined) headers['WWW-Authenticate'] = challenge;
  if (err.dpop?.nonce !== undefined && meaning.status === 401) {
    headers['DPoP-Nonce'] = err.dpop.nonce;
  }
  if (meaning.status === 503)
    headers['Retry-After'] = String(Math.max(1, Math.ceil(err.retryAfter ?? 5)));
  return {
    status: meaning.status,
    headers,
    body: { error: bodyError(err), error_description: descriptionOf(err), code: err.code },
  };
}
