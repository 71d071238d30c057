import { checkOptionNames } from '../config/check-option-names.js';
import { configError, JwtError } from '../errors/jwt-error.js';
import { isAlgorithm } from '../lib/algorithm-table.js';
import { normalizeTyp } from '../claims/typ.js';
import type { RevocationStore } from '../revocation/revocation-store.js';
import type { Algorithm } from '../types/algorithm.js';
import type { IssuersOption } from '../types/issuer-options.js';
import type { VerifierOptions } from '../types/verifier-options.js';
import { VERIFIER_DEFAULTS } from './verifier-defaults.js';

/** Validated, normalized verifier options (internal). */
export interface VerifierConfig {
  readonly algorithms: ReadonlySet<Algorithm>;
  readonly issuer: readonly string[] | undefined;
  readonly audience: readonly string[] | undefined;
  readonly subject: string | undefined;
  /** Normalized accepted `typ` values (see `normalizeTyp`). */
  readonly typ: ReadonlySet<string> | undefined;
  readonly requiredClaims: readonly string[];
  readonly clockTolerance: number;
  readonly maxTokenAge: number | undefined;
  readonly maxTokenLength: number;
  readonly clock: () => number;
  readonly revocation: RevocationStore | undefined;
  /** As given: `undefined` leaves the choice to the key (see `createVerifier`). */
  readonly cache: boolean | { max?: number } | undefined;
  /** The allow-list of issuers, as given (entries are read by `readIssuerOptions`). */
  readonly issuers: IssuersOption | undefined;
  /** Bound of a function `issuers`' entries (and of new entries per window). */
  readonly maxIssuers: number;
}

/**
 * Every option of `createVerifier`, declared once: `readVerifierOptions` refuses any other key
 * (`checkOptionNames`), and the authenticator hands exactly these fields to the verifier.
 */
export const VERIFIER_OPTION_KEYS = Object.freeze([
  'algorithms',
  'key',
  'issuer',
  'issuers',
  'maxIssuers',
  'audience',
  'subject',
  'typ',
  'requiredClaims',
  'clockTolerance',
  'maxTokenAge',
  'maxTokenLength',
  'clock',
  'revocation',
  'cache',
] as const);

/**
 * Validates every option of `createVerifier` and applies the defaults; each error names its
 * option. `key` is handled by `buildKeyStrategy`.
 *
 * @param options - the caller's options, untrusted
 */
export function readVerifierOptions(options: VerifierOptions): VerifierConfig {
  if (typeof options !== 'object' || options === null) configError('options', 'must be an object');
  checkOptionNames(options, VERIFIER_OPTION_KEYS, 'createVerifier()');
  const o = options as unknown as Record<string, unknown>;
  const clockTolerance = o.clockTolerance ?? VERIFIER_DEFAULTS.clockTolerance;
  if (
    typeof clockTolerance !== 'number' ||
    !(clockTolerance >= 0 && clockTolerance <= VERIFIER_DEFAULTS.maxClockTolerance)
  ) {
    configError(
      'clockTolerance',
      `must be a number of seconds from 0 to ${VERIFIER_DEFAULTS.maxClockTolerance}`,
    );
  }
  const maxTokenAge = o.maxTokenAge;
  if (
    maxTokenAge !== undefined &&
    (typeof maxTokenAge !== 'number' || !(maxTokenAge > 0) || !Number.isFinite(maxTokenAge))
  ) {
    configError('maxTokenAge', 'must be a positive number of seconds');
  }
  const maxTokenLength = o.maxTokenLength ?? VERIFIER_DEFAULTS.maxTokenLength;
  if (
    typeof maxTokenLength !== 'number' ||
    !Number.isSafeInteger(maxTokenLength) ||
    maxTokenLength < 1
  ) {
    configError('maxTokenLength', 'must be a positive integer');
  }
  const clock = o.clock ?? Date.now;
  if (typeof clock !== 'function')
    configError('clock', 'must be a function returning milliseconds');
  const revocation = o.revocation;
  if (
    revocation !== undefined &&
    (typeof revocation !== 'object' ||
      revocation === null ||
      typeof (revocation as RevocationStore).isRevoked !== 'function')
  ) {
    configError('revocation', 'must be a RevocationStore (an object with isRevoked)');
  }
  const cache = o.cache;
  if (
    cache !== undefined &&
    typeof cache !== 'boolean' &&
    (typeof cache !== 'object' || cache === null)
  ) {
    configError('cache', 'must be a boolean or an object { max }');
  }
  const typ = stringList(o.typ, 'typ');
  const { issuers, maxIssuers } = readIssuers(o);
  return {
    algorithms: readAlgorithms(o.algorithms),
    issuer: stringList(o.issuer, 'issuer'),
    audience: stringList(o.audience, 'audience'),
    subject: o.subject === undefined ? undefined : nonEmptyString(o.subject, 'subject'),
    typ: typ && new Set(typ.map(normalizeTyp)),
    requiredClaims: readRequiredClaims(o.requiredClaims),
    clockTolerance: clockTolerance as number,
    maxTokenAge: maxTokenAge as number | undefined,
    maxTokenLength: maxTokenLength as number,
    clock: clock as () => number,
    revocation: revocation as RevocationStore | undefined,
    cache: cache as boolean | { max?: number } | undefined,
    issuers,
    maxIssuers,
  };
}

function readIssuers(o: Record<string, unknown>): {
  issuers: IssuersOption | undefined;
  maxIssuers: number;
} {
  const issuers = o.issuers;
  const maxIssuers = o.maxIssuers ?? VERIFIER_DEFAULTS.maxIssuers;
  if (issuers === undefined) {
    if (o.maxIssuers !== undefined) configError('maxIssuers', 'is only used with "issuers"');
    return { issuers: undefined, maxIssuers: VERIFIER_DEFAULTS.maxIssuers };
  }
  if (o.issuer !== undefined) {
    configError(
      'issuers',
      'cannot be combined with "issuer" (the keys of "issuers" are the accepted issuers)',
    );
  }
  if (o.key !== undefined) {
    configError('key', 'cannot be combined with "issuers" (give each issuer its own key)');
  }
  if (typeof issuers === 'function') {
    if (typeof maxIssuers !== 'number' || !Number.isSafeInteger(maxIssuers) || maxIssuers < 1) {
      configError('maxIssuers', 'must be a positive integer');
    }
    return { issuers: issuers as IssuersOption, maxIssuers };
  }
  if (o.maxIssuers !== undefined) {
    configError('maxIssuers', 'is only used with a function "issuers" (a map is bounded already)');
  }
  if (typeof issuers !== 'object' || issuers === null || Array.isArray(issuers)) {
    configError('issuers', 'must be an object keyed by issuer, or a function (iss) => options');
  }
  if (Object.keys(issuers).length === 0) configError('issuers', 'must name at least one issuer');
  return { issuers: issuers as IssuersOption, maxIssuers: VERIFIER_DEFAULTS.maxIssuers };
}

function readAlgorithms(value: unknown): ReadonlySet<Algorithm> {
  if (!Array.isArray(value) || value.length === 0) {
    configError('algorithms', 'is required: a non-empty array such as ["RS256"]');
  }
  for (const alg of value) {
    if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
      throw new JwtError(
        'ERR_JWT_ALG_NOT_ALLOWED',
        'Invalid option "algorithms": "none" can never be allowed',
      );
    }
    if (!isAlgorithm(alg)) {
      throw new JwtError(
        'ERR_JWT_ALG_NOT_ALLOWED',
        `Invalid option "algorithms": ${JSON.stringify(String(alg).slice(0, 20))} is not a supported algorithm`,
      );
    }
  }
  return new Set(value as Algorithm[]);
}

function nonEmptyString(value: unknown, option: string): string {
  if (typeof value !== 'string' || value === '') configError(option, 'must be a non-empty string');
  return value;
}

function stringList(value: unknown, option: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0)
    configError(option, 'must be a non-empty string or a non-empty array of them');
  return Object.freeze([...new Set(list.map((item) => nonEmptyString(item, option)))]);
}

function readRequiredClaims(value: unknown): readonly string[] {
  if (value === undefined) return VERIFIER_DEFAULTS.requiredClaims;
  if (!Array.isArray(value)) configError('requiredClaims', 'must be an array of claim names');
  return Object.freeze(value.map((name) => nonEmptyString(name, 'requiredClaims')));
}
