import { configError, type Requirement } from '@tokenward/core';
import type { RequirementOptions } from '../types.js';

/**
 * Reads the arguments of `requireRoles` / `requireScopes` into a core requirement, validating
 * them at construction: `('a', 'b')` means all of them; `(['a', 'b'], { mode })` chooses.
 *
 * @param kind - `roles` or `scopes`, also the option name in error messages
 * @param args - the call's arguments
 */
export function parseRequirement(kind: 'roles' | 'scopes', args: readonly unknown[]): Requirement {
  const [first, second] = args;
  let values: unknown[];
  let options: RequirementOptions = {};
  if (Array.isArray(first)) {
    if (args.length > 2) configError(kind, 'pass either names, or one array and options');
    values = first;
    if (second !== undefined) {
      if (typeof second !== 'object' || second === null)
        configError('mode', 'options must be an object');
      options = second as RequirementOptions;
    }
  } else {
    values = [...args];
  }
  if (values.length === 0) configError(kind, 'must name at least one value');
  for (const value of values) {
    if (typeof value !== 'string' || value.length === 0)
      configError(kind, 'must be non-empty strings');
  }
  const mode = options.mode ?? 'all';
  if (mode !== 'all' && mode !== 'any') configError('mode', "must be 'all' or 'any'");
  return { [kind]: [...(values as string[])], mode };
}
