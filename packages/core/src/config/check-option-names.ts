import { configError } from '../errors/jwt-error.js';
import { closestName } from '../lib/edit-distance.js';
import { MIGRATION_HINTS } from './migration-hints.js';

/**
 * Refuses an options object holding a key its reader does not know, so that a misspelt option
 * never starts a server with a check switched off. The error (`ERR_JWT_CONFIG_INVALID`) names the
 * key and where it was given, then: the migration hint for another library's option name
 * (`secret` → `key`), or the closest known option ("did you mean audience?"), or the list of
 * known options. `details` carries `{ option, suggestion }`.
 *
 * Each options object declares its known keys once, next to where it reads them, and calls this
 * first. An adapter that adds options of its own checks the union and hands the rest on.
 *
 * @param options - the caller's options (anything not an object is left to the caller's check)
 * @param known - every key this reader accepts
 * @param where - where the options were given, e.g. `jwt()` or `createRemoteJwks()`
 * @param hints - hints of this reader only, consulted before the shared table (e.g. koa-jwt's
 *   `passthrough` given to Express)
 * @throws JwtError `ERR_JWT_CONFIG_INVALID` naming the first unknown key
 * @example
 * ```ts
 * import { checkOptionNames } from '@tokenward/core';
 *
 * const KNOWN = ['prefix', 'client'] as const;
 * function createStore(options: { prefix?: string; client: object }) {
 *   checkOptionNames(options, KNOWN, 'createStore()');
 *   return options;
 * }
 * void createStore;
 * ```
 */
export function checkOptionNames(
  options: unknown,
  known: readonly string[],
  where: string,
  hints: Readonly<Record<string, string>> = {},
): void {
  if (typeof options !== 'object' || options === null) return;
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const hint = Object.hasOwn(hints, name)
      ? hints[name]
      : Object.hasOwn(MIGRATION_HINTS, name)
        ? MIGRATION_HINTS[name]
        : undefined;
    if (hint !== undefined) {
      configError(name, `is not an option of ${where}; ${hint}`, { option: name });
    }
    const suggestion = closestName(name, known);
    if (suggestion !== undefined) {
      configError(name, `is not an option of ${where}; did you mean "${suggestion}"?`, {
        option: name,
        suggestion,
      });
    }
    configError(name, `is not an option of ${where}; known options: ${known.join(', ')}`, {
      option: name,
    });
  }
}
