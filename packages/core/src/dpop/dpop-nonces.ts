import { createHmac, timingSafeEqual } from 'node:crypto';
import { configError, JwtError } from '../errors/jwt-error.js';
import { decodeBase64url } from '../lib/base64url.js';
import { checkOptionNames } from '../config/check-option-names.js';

/**
 * Server nonces for DPoP proofs (RFC 9449 §8): the `nonce` of the `dpop` option. Nonces are
 * stateless, an HMAC over a time window, so every instance of a fleet that shares `secret`
 * issues and accepts the same ones without shared state.
 *
 * @example
 * ```ts
 * const nonce: DpopNonceOptions = { secret: process.env.DPOP_NONCE_SECRET ?? '', lifetime: 300 };
 * ```
 */
export interface DpopNonceOptions {
  /**
   * The HMAC key, at least 32 bytes; or several, the first one issuing and all accepted (rotate by
   * putting the new secret first, then dropping the old one a lifetime later).
   */
  secret: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /**
   * Seconds a nonce is issued for; it is accepted in its window and the next, so for one to two
   * lifetimes. Clients get a new one (`DPoP-Nonce` on a success) once theirs is in its last
   * window. Default 300, from 10 to 86 400.
   */
  lifetime?: number;
}

/** The option names of {@link DpopNonceOptions}, one list (for unknown-option checks). */
export const DPOP_NONCE_OPTION_NAMES = ['secret', 'lifetime'] as const;

/** Issues and checks nonces (internal). */
export interface DpopNonces {
  /** The nonce to hand out now. */
  current(now: number): string;
  /**
   * Throws `ERR_DPOP_NONCE_REQUIRED` for a missing, forged or expired nonce; returns `true` when
   * the nonce is valid but from the previous window (the client should get a new one).
   */
  check(nonce: unknown, now: number): boolean;
}

const TAG_BYTES = 16;

function secretBytes(value: unknown, option: string): Buffer {
  const bytes =
    typeof value === 'string'
      ? Buffer.from(value, 'utf8')
      : value instanceof Uint8Array
        ? Buffer.from(value)
        : configError(option, 'must be a string or bytes');
  if (bytes.length < 32) configError(option, 'must be at least 32 bytes');
  return bytes;
}

/**
 * Checks the `dpop.nonce` option and builds the nonce issuer/checker. A nonce is
 * base64url(window ‖ HMAC-SHA256(secret, "tokenward-dpop-nonce" ‖ window)[0..16]), the window
 * being `floor(now / lifetime)` as an 8-byte integer.
 *
 * @param options - the option value
 * @param name - the option's name in errors (`nonce` for `verifyDpopProof`)
 */
export function createDpopNonces(options: DpopNonceOptions, name = 'dpop.nonce'): DpopNonces {
  if (typeof options !== 'object' || options === null) configError(name, 'must be an object');
  checkOptionNames(options, DPOP_NONCE_OPTION_NAMES, `the "${name}" option`);
  const list = Array.isArray(options.secret) ? options.secret : [options.secret];
  if (list.length === 0) configError(`${name}.secret`, 'must not be empty');
  const secrets = list.map((s, i) =>
    secretBytes(s, Array.isArray(options.secret) ? `${name}.secret[${i}]` : `${name}.secret`),
  );
  const { lifetime = 300 } = options;
  if (!Number.isInteger(lifetime) || lifetime < 10 || lifetime > 86_400) {
    configError(`${name}.lifetime`, 'must be an integer number of seconds from 10 to 86400');
  }
  const windowOf = (now: number): number => Math.floor(now / 1000 / lifetime);
  const encodeWindow = (window: number): Buffer => {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64BE(BigInt(window));
    return bytes;
  };
  const tag = (secret: Buffer, window: Buffer): Buffer =>
    createHmac('sha256', secret)
      .update('tokenward-dpop-nonce')
      .update(window)
      .digest()
      .subarray(0, TAG_BYTES);
  const required = (): never => {
    throw new JwtError('ERR_DPOP_NONCE_REQUIRED');
  };
  return {
    current(now) {
      const window = encodeWindow(windowOf(now));
      return Buffer.concat([window, tag(secrets[0] as Buffer, window)]).toString('base64url');
    },
    check(nonce, now) {
      const bytes =
        typeof nonce === 'string' && nonce.length === 32 ? decodeBase64url(nonce) : undefined;
      if (bytes === undefined || bytes.length !== 8 + TAG_BYTES) return required();
      const window = bytes.subarray(0, 8);
      const age = windowOf(now) - Number(window.readBigUInt64BE());
      if (age !== 0 && age !== 1) return required();
      const given = bytes.subarray(8);
      if (!secrets.some((secret) => timingSafeEqual(tag(secret, window), given))) required();
      return age === 1;
    },
  };
}
