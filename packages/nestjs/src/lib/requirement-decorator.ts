import { SetMetadata } from '@nestjs/common';
import type { RequirementMetadata } from './metadata-keys.js';
import { configError } from '@tokenward/core';

/**
 * How many of the listed values a request must hold.
 *
 * @example
 * ```ts
 * @Roles(['admin', 'editor'], { mode: 'any' } satisfies RequirementOptions)
 * ```
 */
export interface RequirementOptions {
  /** `all` (default): every value is needed; `any`: one of them is enough. */
  mode?: 'all' | 'any';
}

/**
 * Builds the metadata decorator behind `@Roles` and `@Scopes`. Arguments are either a list of
 * strings (all required) or one array followed by `{ mode }`. Validated when the class loads.
 */
export function requirementDecorator(
  key: string,
  name: string,
  args: unknown[],
): ClassDecorator & MethodDecorator {
  let values: unknown;
  let mode: RequirementMetadata['mode'] | undefined = 'all';
  if (Array.isArray(args[0])) {
    if (args.length > 2) configError(name, 'takes either strings or one array and options');
    values = args[0];
    const options = args[1] as RequirementOptions | undefined;
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      configError(`${name}.options`, 'must be an object');
    }
    mode = options?.mode ?? 'all';
  } else {
    values = args;
  }
  const list = values as unknown[];
  if (list.length === 0) configError(name, 'needs at least one value');
  if (!list.every((v) => typeof v === 'string' && v.length > 0)) {
    configError(name, 'values must be non-empty strings');
  }
  if (mode !== 'all' && mode !== 'any')
    return configError(`${name}.mode`, 'must be "all" or "any"');
  const metadata: RequirementMetadata = { values: [...(list as string[])], mode };
  return SetMetadata(key, metadata);
}
