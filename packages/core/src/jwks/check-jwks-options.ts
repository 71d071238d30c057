import { checkOptionNames } from '../config/check-option-names.js';
import { configError } from '../errors/jwt-error.js';
import { REMOTE_JWKS_DEFAULTS, type RemoteJwksOptions } from './remote-jwks-options.js';

/** Remote key-set options after validation, defaults applied. */
export type CheckedJwksOptions = Required<
  Pick<
    RemoteJwksOptions,
    | 'cacheMaxAge'
    | 'cacheAgeFloor'
    | 'cacheAgeCeiling'
    | 'cooldownDuration'
    | 'kidRefetchFloor'
    | 'timeoutDuration'
    | 'maxResponseSize'
    | 'staleIfError'
    | 'allowInsecureHttp'
    | 'discovery'
    | 'headers'
    | 'clock'
  >
> &
  Pick<RemoteJwksOptions, 'onError' | 'agent'>;

/** Every option of `createRemoteJwks`, declared once, next to where they are read. */
const REMOTE_JWKS_OPTION_KEYS = [
  'cacheMaxAge',
  'cooldownDuration',
  'timeoutDuration',
  'maxResponseSize',
  'staleIfError',
  'cacheAgeFloor',
  'cacheAgeCeiling',
  'kidRefetchFloor',
  'onError',
  'allowInsecureHttp',
  'discovery',
  'headers',
  'agent',
  'clock',
] as const;
// jwks-rsa's names for the same settings.
const JWKS_RSA_HINTS: Readonly<Record<string, string>> = {
  cache: 'the key set is always cached; see "cacheMaxAge"',
  cacheMaxEntries: 'one key set per createRemoteJwks(); see "cacheMaxAge"',
  rateLimit: 'fetches are always rate-limited; see "cooldownDuration"',
  jwksRequestsPerMinute: 'use "cooldownDuration" (ms between fetches)',
  timeout: 'use "timeoutDuration" (ms)',
  requestAgent: 'use "agent"',
  requestHeaders: 'use "headers"',
  cacheMaxAgeFallback: 'use "staleIfError" (ms)',
  fetcher: 'fetching is built in; pass "agent" or "headers"',
};

function duration(value: unknown, fallback: number, option: string, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    configError(option, `must be an integer of at least ${min}`);
  }
  return value;
}

function bool(value: unknown, option: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') configError(option, 'must be a boolean');
  return value;
}

/**
 * Validates {@link RemoteJwksOptions} (naming the option) and applies the defaults.
 *
 * @param options - the options as given
 */
export function checkJwksOptions(options: RemoteJwksOptions): CheckedJwksOptions {
  if (typeof options !== 'object' || options === null) configError('options', 'must be an object');
  checkOptionNames(options, REMOTE_JWKS_OPTION_KEYS, 'createRemoteJwks()', JWKS_RSA_HINTS);
  const d = REMOTE_JWKS_DEFAULTS;
  const { onError, agent, clock = Date.now, headers = {} } = options;
  if (onError !== undefined && typeof onError !== 'function') {
    configError('onError', 'must be a function');
  }
  if (typeof clock !== 'function') configError('clock', 'must be a function');
  if (
    typeof headers !== 'object' ||
    headers === null ||
    !Object.values(headers).every((v) => typeof v === 'string')
  ) {
    configError('headers', 'must be an object of string values');
  }
  const cacheAgeFloor = duration(options.cacheAgeFloor, d.cacheAgeFloor, 'cacheAgeFloor', 1_000);
  const cacheAgeCeiling = duration(
    options.cacheAgeCeiling,
    Math.max(d.cacheAgeCeiling, cacheAgeFloor),
    'cacheAgeCeiling',
    Math.max(1, cacheAgeFloor),
  );
  return {
    cacheMaxAge: duration(options.cacheMaxAge, d.cacheMaxAge, 'cacheMaxAge', 1),
    cacheAgeFloor,
    cacheAgeCeiling,
    cooldownDuration: duration(options.cooldownDuration, d.cooldownDuration, 'cooldownDuration', 0),
    kidRefetchFloor: duration(options.kidRefetchFloor, d.kidRefetchFloor, 'kidRefetchFloor', 0),
    timeoutDuration: duration(options.timeoutDuration, d.timeoutDuration, 'timeoutDuration', 1),
    maxResponseSize: duration(options.maxResponseSize, d.maxResponseSize, 'maxResponseSize', 1),
    staleIfError: duration(options.staleIfError, d.staleIfError, 'staleIfError', 0),
    allowInsecureHttp: bool(options.allowInsecureHttp, 'allowInsecureHttp'),
    discovery: bool(options.discovery, 'discovery'),
    headers,
    clock,
    onError,
    agent,
  };
}
