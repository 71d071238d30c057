import { configError } from '../errors/jwt-error.js';
import type { ClaimPath } from './claim-path.js';

function isSegments(value: unknown): value is readonly string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((s) => typeof s === 'string' && s !== '')
  );
}

/**
 * Normalises a `rolesClaim`/`scopesClaim` option into a list of paths: a string is one path; a
 * flat array of strings is a list of string paths; a nested array is a segments path.
 *
 * @param value - the option value (`undefined` gives `fallback`)
 * @param fallback - the default paths
 * @param option - the option name for messages
 */
export function claimPathsOption(
  value: unknown,
  fallback: readonly ClaimPath[],
  option: string,
): readonly ClaimPath[] {
  if (value === undefined) return fallback;
  const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (list.length === 0) configError(option, 'must be a claim path or a non-empty list of them');
  for (const path of list) {
    if (!(typeof path === 'string' && path !== '') && !isSegments(path)) {
      configError(option, 'paths must be non-empty strings or non-empty arrays of segments');
    }
  }
  return list as ClaimPath[];
}
