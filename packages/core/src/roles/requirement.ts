import type { Requirement } from '../auth/authenticator-types.js';
import { configError } from '../errors/jwt-error.js';

/** A requirement after validation: lists de-duplicated, mode resolved. */
export interface CheckedRequirement {
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  readonly mode: 'all' | 'any';
}

function names(value: unknown, option: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    configError(option, 'must be an array of non-empty strings');
  }
  return [...new Set(value as string[])];
}

/**
 * Validates a requirement (a programming error is `ERR_JWT_CONFIG_INVALID`, naming the field).
 *
 * @param requirement - roles and/or scopes, and the mode
 */
export function checkRequirement(requirement: Requirement): CheckedRequirement {
  if (typeof requirement !== 'object' || requirement === null) {
    configError('requirement', 'must be an object with roles and/or scopes');
  }
  const mode = requirement.mode ?? 'all';
  if (mode !== 'all' && mode !== 'any') configError('requirement.mode', 'must be "all" or "any"');
  return {
    roles: names(requirement.roles, 'requirement.roles'),
    scopes: names(requirement.scopes, 'requirement.scopes'),
    mode,
  };
}
