import { configError } from '../errors/jwt-error.js';
import type { SenderConstraintMode } from '../dpop/dpop-options.js';
import { checkOptionNames } from '../config/check-option-names.js';

/**
 * Certificate-bound tokens (RFC 8705 §3): the `mtls` option of `createAuthenticator` and of the
 * adapters.
 *
 * @example
 * ```ts
 * const mtls: MtlsOptions = { mode: 'required' };
 * ```
 */
export interface MtlsOptions {
  /**
   * `allowed` (default once the option is given): a token with `cnf["x5t#S256"]` must come over a
   * TLS connection whose client certificate has that SHA-256 thumbprint, other tokens pass;
   * `required`: every token must be certificate-bound; `off`: certificate-bound tokens are
   * refused. Without the option, certificate-bound tokens are refused too.
   */
  mode?: SenderConstraintMode;
  /**
   * DANGEROUS unless your TLS-terminating proxy always removes this header from client requests
   * and sets it itself: the name of the header (RFC 9440 `Client-Cert`, `:base64 DER:`) that
   * carries the client certificate when the connection to this server is not the client's. Any
   * client that can reach the server directly, or through a proxy that passes the header on, can
   * claim any certificate. Default: only the TLS connection's own peer certificate counts.
   */
  certificateHeader?: string;
}

/** The option names of {@link MtlsOptions}, one list (for unknown-option checks). */
export const MTLS_OPTION_NAMES = ['mode', 'certificateHeader'] as const;

/** Checked {@link MtlsOptions} (internal). */
export interface MtlsConfig {
  readonly mode: SenderConstraintMode;
  /** Lower-case header name, when configured. */
  readonly certificateHeader: string | undefined;
}

const MODES: readonly string[] = ['off', 'allowed', 'required'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks the `mtls` option at construction, naming the option. `undefined` means `off`.
 *
 * @param options - the option value
 */
export function readMtlsOptions(options: MtlsOptions | undefined): MtlsConfig {
  if (options === undefined) return { mode: 'off', certificateHeader: undefined };
  if (typeof options !== 'object' || options === null) configError('mtls', 'must be an object');
  checkOptionNames(options, MTLS_OPTION_NAMES, 'the "mtls" option');
  const { mode = 'allowed', certificateHeader } = options;
  if (!MODES.includes(mode)) configError('mtls.mode', "must be 'off', 'allowed' or 'required'");
  if (
    certificateHeader !== undefined &&
    (typeof certificateHeader !== 'string' || !TOKEN.test(certificateHeader))
  ) {
    configError('mtls.certificateHeader', 'must be a header name');
  }
  return { mode, certificateHeader: certificateHeader?.toLowerCase() };
}
