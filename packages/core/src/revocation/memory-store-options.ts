import { checkOptionNames } from '../config/check-option-names.js';
import { configError } from '../errors/jwt-error.js';

/**
 * Options of {@link MemoryRevocationStore}.
 *
 * @example
 * ```ts
 * const options: MemoryRevocationStoreOptions = { toleranceSeconds: 60 };
 * ```
 */
export interface MemoryRevocationStoreOptions {
  /** Seconds an entry outlives `exp`/`until`; at least the verifier's `clockTolerance`. Default 300. */
  toleranceSeconds?: number;
  /** Seconds between background sweeps of expired entries (an `unref()`ed timer). Default 60. */
  sweepIntervalSeconds?: number;
  /** Current time in milliseconds since the epoch. Default `Date.now` (tests inject it). */
  clock?: () => number;
}

/** Every option of `MemoryRevocationStore`, declared once. */
const MEMORY_STORE_OPTION_KEYS = ['toleranceSeconds', 'sweepIntervalSeconds', 'clock'] as const;

/** The defaults of {@link MemoryRevocationStoreOptions}, in one place. */
export const MEMORY_STORE_DEFAULTS = Object.freeze({
  toleranceSeconds: 300,
  sweepIntervalSeconds: 60,
});

/**
 * Validates the options of `MemoryRevocationStore` and applies the defaults.
 *
 * @param options - caller options
 * @example
 * ```ts
 * const { toleranceSeconds, clock } = readStoreOptions({});
 * ```
 */
export function readStoreOptions(
  options: MemoryRevocationStoreOptions,
): Required<MemoryRevocationStoreOptions> {
  if (typeof options !== 'object' || options === null) configError('options', 'must be an object');
  checkOptionNames(options, MEMORY_STORE_OPTION_KEYS, 'new MemoryRevocationStore()');
  const {
    toleranceSeconds = MEMORY_STORE_DEFAULTS.toleranceSeconds,
    sweepIntervalSeconds = MEMORY_STORE_DEFAULTS.sweepIntervalSeconds,
    clock = Date.now,
  } = options;
  if (!(
    typeof toleranceSeconds === 'number' &&
    Number.isFinite(toleranceSeconds) &&
    toleranceSeconds >= 0
  ))
    configError('toleranceSeconds', 'must be a finite number >= 0');
  if (!(
    typeof sweepIntervalSeconds === 'number' &&
    Number.isFinite(sweepIntervalSeconds) &&
    sweepIntervalSeconds > 0
  ))
    configError('sweepIntervalSeconds', 'must be a finite number > 0');
  if (typeof clock !== 'function') configError('clock', 'must be a function');
  return { toleranceSeconds, sweepIntervalSeconds, clock };
}
