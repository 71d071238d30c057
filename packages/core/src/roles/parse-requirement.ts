import { checkOptionNames } from '../config/check-option-names.js';
import { configError } from '../errors/jwt-error.js';

/**
 * How several required roles or scopes combine: the options after the array in
 * `requireRoles(['a', 'b'], { mode })`, `@Roles(['a', 'b'], { mode })` and their scope twins.
 *
 * @example
 * ```ts
 * import type { RequirementOptions } from '@tokenward/core';
 *
 * const anyOf: RequirementOptions = { mode: 'any' };
 * ```
 */
export interface RequirementOptions {
  /** `all` (default): every value is required; `any`: one of them is enough. */
  mode?: 'all' | 'any';
}

/**
 * Reads the arguments of a roles or scopes guard into a core `Requirement`, validated at
 * construction: `('a', 'b')` means all of them; `(['a', 'b'], { mode })` chooses all or any.
 * Every adapter's `requireRoles` / `requireScopes` / `@Roles` / `@Scopes` takes its arguments
 * this way.
 *
 * @param kind - `roles` or `scopes`: the field of the requirement
 * @param args - the guard's arguments, as received
 * @param option - the name errors give (`Invalid option "<option>": …`); default `kind`
 * @returns the requirement: a copy of the values under `kind`, and the mode
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` for no value, a value that is not a non-empty
 *   string, options that are not an object, a mode other than `all` / `any`, or extra arguments
 * @example
 * ```ts
 * import { parseRequirement } from '@tokenward/core';
 *
 * parseRequirement('roles', ['admin', 'editor']); // { roles: ['admin', 'editor'], mode: 'all' }
 * parseRequirement('scopes', [['read:a', 'read:b'], { mode: 'any' }]);
 * // { scopes: ['read:a', 'read:b'], mode: 'any' }
 * ```
 */
export function parseRequirement<K extends 'roles' | 'scopes'>(
  kind: K,
  args: readonly unknown[],
  option: string = kind,
): { [P in K]: string[] } & { mode: 'all' | 'any' } {
  const [first, second] = args;
  let values: readonly unknown[];
  let options: RequirementOptions = {};
  if (Array.isArray(first)) {
    if (args.length > 2) configError(option, 'takes either values, or one array and options');
    values = first;
    if (second !== undefined) {
      if (typeof second !== 'object' || second === null) {
        configError(`${option}.options`, 'must be an object');
      }
      checkOptionNames(second, ['mode'], `${option}()`);
      options = second as RequirementOptions;
    }
  } else {
    values = args;
  }
  if (values.length === 0) configError(option, 'needs at least one value');
  if (!values.every((value) => typeof value === 'string' && value.length > 0)) {
    configError(option, 'values must be non-empty strings');
  }
  const mode = options.mode ?? 'all';
  if (mode !== 'all' && mode !== 'any') configError(`${option}.mode`, 'must be "all" or "any"');
  const requirement = { [kind]: [...(values as string[])], mode };
  return requirement as { [P in K]: string[] } & { mode: 'all' | 'any' };
}
