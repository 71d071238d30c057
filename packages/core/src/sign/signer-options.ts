import { configError } from '../errors/jwt-error.js';
import { durationSeconds } from './duration.js';
import type { SignOptions } from './signer-types.js';

/** The signer's defaults, in one place. */
export const SIGNER_DEFAULTS = Object.freeze({ expiresIn: 900, typ: 'JWT' });

/** Validated per-token settings. */
export interface SignSettings {
  expiresIn: number;
  issuer: string | undefined;
  audience: string | string[] | undefined;
  typ: string;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Checks a header or claim string option: non-empty, well-formed UTF-16.
 *
 * @param value - caller input
 * @param option - the option path for the error
 * @example
 * ```ts
 * const kid = checkedString(options.kid, 'kid');
 * ```
 */
export function checkedString(value: unknown, option: string): string {
  if (typeof value !== 'string' || value === '') configError(option, 'must be a non-empty string');
  if (LONE_SURROGATE.test(value)) configError(option, 'must not contain a lone surrogate');
  return value;
}

function checkedAudience(value: unknown, option: string): string | string[] {
  if (!Array.isArray(value)) return checkedString(value, option);
  if (value.length === 0) configError(option, 'must not be an empty array');
  return value.map((a, i) => checkedString(a, `${option}[${i}]`));
}

/**
 * Reads `expiresIn`, `issuer`, `audience` and `typ` from signer options or per-call options,
 * falling back to `base` for absent ones.
 *
 * @param options - caller input
 * @param base - settings to fall back on
 * @param prefix - option path prefix for errors (`''` for the signer, `'options.'` per call)
 * @example
 * ```ts
 * const settings = readSignSettings(options, { ...SIGNER_DEFAULTS, issuer: undefined, audience: undefined }, '');
 * ```
 */
export function readSignSettings(
  options: SignOptions,
  base: SignSettings,
  prefix: string,
): SignSettings {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    configError(prefix === '' ? 'options' : prefix.slice(0, -1), 'must be an object');
  }
  const { expiresIn, issuer, audience, typ } = options;
  return {
    expiresIn:
      expiresIn === undefined ? base.expiresIn : durationSeconds(expiresIn, `${prefix}expiresIn`),
    issuer: issuer === undefined ? base.issuer : checkedString(issuer, `${prefix}issuer`),
    audience:
      audience === undefined ? base.audience : checkedAudience(audience, `${prefix}audience`),
    typ: typ === undefined ? base.typ : checkedString(typ, `${prefix}typ`),
  };
}
