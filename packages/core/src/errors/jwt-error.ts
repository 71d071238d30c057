import { ERROR_MEANINGS, type BearerErrorValue, type JwtErrorCode } from './error-codes.js';
import { httpAnswer, type DpopChallenge, type HttpAnswer } from './http-answer.js';

// A process-wide brand, so `instanceof` holds across the ESM and CJS builds of this package.
const BRAND = Symbol.for('@tokenward/core.JwtError');

/** Extra, token-independent facts an error may carry. */
export interface JwtErrorDetails {
  /** Scopes or roles that were required, for the RFC 6750 `scope` attribute (403 only). */
  readonly scope?: readonly string[];
  /** Seconds after which a retry may succeed, for `Retry-After` (503 only). */
  readonly retryAfter?: number;
  /** The underlying failure, kept for logs; never sent to clients. */
  readonly cause?: unknown;
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
  /** The protection realm of the challenge; set by the authenticate step that raised it. */
  realm: string | undefined;
  /** The DPoP schemes of the challenge; set by an authenticate step that accepts DPoP. */
  dpop: DpopChallenge | undefined;

  /**
   * @param code - the stable error code
   * @param message - a human-readable message; must not contain token contents or secrets
   * @param details - optional scope, retry hint and cause
   */
  constructor(code: JwtErrorCode, message?: string, details: JwtErrorDetails = {}) {
    const meaning = ERROR_MEANINGS[code];
    super(
      message ?? meaning.description,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'JwtError';
    this.code = code;
    this.status = meaning.status;
    this.bearerError = meaning.bearerError;
    this.scope = details.scope;
    this.retryAfter = details.retryAfter;
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
 * @example
 * ```ts
 * if (!Array.isArray(options.algorithms)) configError('algorithms', 'must be a non-empty array');
 * ```
 */
export function configError(option: string, problem: string): never {
  throw new JwtError('ERR_JWT_CONFIG_INVALID', `Invalid option "${option}": ${problem}`);
}
