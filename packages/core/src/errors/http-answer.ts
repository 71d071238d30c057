import { ERROR_MEANINGS, REFINED_DESCRIPTIONS } from './error-codes.js';
import type { JwtError } from './jwt-error.js';

/** The default `realm` of every challenge. */
export const DEFAULT_REALM = 'api';

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
  /** `WWW-Authenticate` (RFC 6750) and/or `Retry-After`, when they apply. */
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
  const params = [`realm=${quoted(realm)}`];
  if (meaning.bearerError) {
    params.push(`error=${quoted(meaning.bearerError)}`);
    params.push(`error_description=${quoted(descriptionOf(err))}`);
  }
  const scope = (err.scope ?? []).filter((s) => SCOPE_TOKEN.test(s));
  if (meaning.bearerError === 'insufficient_scope' && scope.length > 0) {
    params.push(`scope=${quoted(scope.join(' '))}`);
  }
  return `Bearer ${params.join(', ')}`;
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
  const challenge = bearerChallenge(err, realm);
  if (challenge !== undefined) headers['WWW-Authenticate'] = challenge;
  if (meaning.status === 503)
    headers['Retry-After'] = String(Math.max(1, Math.ceil(err.retryAfter ?? 5)));
  return {
    status: meaning.status,
    headers,
    body: { error: bodyError(err), error_description: descriptionOf(err), code: err.code },
  };
}
