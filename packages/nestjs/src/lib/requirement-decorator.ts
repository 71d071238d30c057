import { SetMetadata } from '@nestjs/common';
import {
  parseRequirement,
  type RequirementOptions as CoreRequirementOptions,
} from '@tokenward/core';
import type { RequirementMetadata } from './metadata-keys.js';

/**
 * How many of the listed values a request must hold: `RequirementOptions` of `@tokenward/core`.
 *
 * @example
 * ```ts
 * @Roles(['admin', 'editor'], { mode: 'any' } satisfies RequirementOptions)
 * ```
 */
export type RequirementOptions = CoreRequirementOptions;

/**
 * Builds the metadata decorator behind `@Roles` and `@Scopes`. Arguments are either a list of
 * strings (all required) or one array followed by `{ mode }`, read by core's `parseRequirement`.
 * Validated when the class loads.
 *
 * @param key - the metadata key
 * @param kind - `roles` or `scopes`
 * @param name - the decorator's name, for error messages
 * @param args - the decorator's arguments
 */
export function requirementDecorator(
  key: string,
  kind: 'roles' | 'scopes',
  name: string,
  args: unknown[],
): ClassDecorator & MethodDecorator {
  const requirement = parseRequirement(kind, args, name);
  const metadata: RequirementMetadata = { values: requirement[kind], mode: requirement.mode };
  return SetMetadata(key, metadata);
}
