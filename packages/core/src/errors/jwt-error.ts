import { ERROR_MEANINGS, type BearerErrorValue, type JwtErrorCode } from './error-codes.js';
import { httpAnswer, type DpopChallenge, type HttpAnswer } from './http-answer.js';

// A process-wide brand, so `instanceof` holds across the ESM and CJS builds of this package.
const BRAND = Symbol.for('@tokenward/core.JwtError');

/**
 * Structured, server-side facts about a failure, for logs and for code that branches on them:
 * which claim or option, why, and (truncated to {@link DETAIL_MAX_LENGTH} characters, control
 * characters replaced) what was expected and received. Never sent to clients; never holds a
 * secret or a whole token. Which fields each code sets is listed in docs/errors.md.
 *
 * @example
 * ```ts
 * if (err instanceof JwtError && err.details?.claim === 'aud') log.warn(err.details);
 * ```
 */
export interface JwtErrorDetails {
  /** The claim that failed (`exp`, `aud`, `jti`, ...), for claim failures. */
  readonly claim?: string;
  /** Why, as a short stable word: `missing`, `type`, `future`, `too_old`, `mismatch`, ... */
  readonly reason?: string;
  /** What the configuration accepts (truncated). */
  readonly expected?: string;
  /** What the token or the dependency gave (truncated). */
  readonly received?: string;
  /** The option at fault, for configuration errors. */
  readonly option?: string;
  /** The closest known option, when an unknown option looks like a misspelling. */
  readonly suggestion?: string;
  /** Where a remote dependency was reached (the JWK Set URL). */
  readonly url?: string;
}

/** Longest value kept in {@link JwtErrorDetails} `expected` / `received`. */
export const DETAIL_MAX_LENGTH = 64;

/**
 * What a `JwtError` is built with besides its code and message.
 *
 * @example
 * ```ts
 * new JwtError('ERR_JWT_CLAIM_INVALID', 'The "jti" claim is missing', {
 *   details: { claim: 'jti', reason: 'missing' },
 * });
 * ```
 */
export interface JwtErrorInit {
  /** Scopes or roles that were required, for the RFC 6750 `scope` attribute (403 only). */
  readonly scope?: readonly string[] | undefined;
  /** Seconds after which a retry may succeed, for `Retry-After` (503 only). */
  readonly retryAfter?: number | undefined;
  /** The underlying failure, kept for logs; never sent to clients. */
  readonly cause?: unknown;
  /** Structured facts; `expected`/`received` are truncated here. */
  readonly details?: JwtErrorDetails | undefined;
}

/**
 * A value made fit for {@link JwtErrorDetails}: a string (JSON for non-strings), at most
 * {@link DETAIL_MAX_LENGTH} characters, control characters replaced by `?`.
 *
 * @param value - any value
 * @example
 * ```ts
 * detailValue(['a', 'b']); // '["a","b"]'
 * ```
 */
export function detailValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return text.length > DETAIL_MAX_LENGTH ? `${text.slice(0, DETAIL_MAX_LENGTH - 1)}…` : text;
}

function freezeDetails(details: JwtErrorDetails | undefined): JwtErrorDetails | undefined {
  if (details === undefined) return undefined;
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(details)) {
    if (value !== undefined) copy[name] = detailValue(value);
  }
  return Object.freeze(copy) as JwtErrorDetails;
}

/**
 * The only error tokenward throws or rejects with. `code` is stable; `status` and `bearerError`
 * are the RFC 6750 HTTP meaning of that code. `message` never contains token contents or secrets.
 *
 * @example
 * ```ts
 * try {
 *   await verifier.verify(token);
 * } catch (err) {
 *   if (err instanceof JwtError) console.log(err.code, err.status);
 * }
 * ```
 */
export class JwtError extends Error {
  /** Stable machine-readable code. */
  readonly code: JwtErrorCode;
  /** HTTP status for this failure. */
  readonly status: number;
  /** RFC 6750 `error` value, if the challenge carries one. */
  readonly bearerError: BearerErrorValue | undefined;
  /** Required scopes/roles (insufficient scope only). */
  readonly scope: readonly string[] | undefined;
  /** Seconds to wait before retrying (unavailable dependency only). */
  readonly retryAfter: number | undefined;
  /** Structured server-side facts (claim, reason, expected, received, ...); see docs/errors.md. */
  readonly details: JwtErrorDetails | undefined;
  /** The protection realm of the challenge; set by the authenticate step that raised it. */
  realm: string | undefined;
  /** The DPoP schemes of the challenge; set by an authenticate step that accepts DPoP. */
  dpop: DpopChallenge | undefined;

  /**
   * @param code - the stable error code
   * @param message - a human-readable message; must not contain token contents or secrets
   * @param init - optional scope, retry hint, cause and details
   */
  constructor(code: JwtErrorCode, message?: string, init: JwtErrorInit = {}) {
    const meaning = ERROR_MEANINGS[code];
    super(
      message ?? meaning.description,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = 'JwtError';
    this.code = code;
    this.status = meaning.status;
    this.bearerError = meaning.bearerError;
    this.scope = init.scope;
    this.retryAfter = init.retryAfter;
    this.details = freezeDetails(init.details);
    this.realm = undefined;
    this.dpop = undefined;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Always `true` below 500: the message is safe to show clients (Koa reads this). */
  get expose(): boolean {
    return this.status < 500 || this.status === 503;
  }

  /** Response headers: the RFC 6750 `WWW-Authenticate` challenge and/or `Retry-After`. */
  get headers(): Record<string, string> {
    return httpAnswer(this, this.realm).headers;
  }

  /** The JSON body an adapter sends: `{ error, error_description, code }`. */
  get body(): HttpAnswer['body'] {
    return httpAnswer(this, this.realm).body;
  }

  /** Recognises a `JwtError` from either module format (ESM or CJS) of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}

/**
 * Throws a configuration error naming the offending option. Used by every factory at construction.
 *
 * @param option - the option path, e.g. `algorithms` or `key.kid`
 * @param problem - what is wrong with it (never the secret value itself)
 * @param details - structured facts; default `{ option }`
 * @example
 * ```ts
 * if (!Array.isArray(options.algorithms)) configError('algorithms', 'must be a non-empty array');
 * ```
 */
export function configError(
  option: string,
  problem: string,
  details: JwtErrorDetails = { option },
): never {
  throw new JwtError('ERR_JWT_CONFIG_INVALID', `Invalid option "${option}": ${problem}`, {
    details,
  });
}
