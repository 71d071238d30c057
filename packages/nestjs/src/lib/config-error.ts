import { JwtError } from '@tokenward/core';

/**
 * Throws core's configuration error naming the option, in core's wording
 * (`Invalid option "<option>": <problem>`). Core keeps its own helper internal.
 *
 * @param option - the option path, e.g. `guard` or `jsonWebTokenOptions.maxAge`
 * @param problem - what is wrong with it (never a secret value)
 */
export function configError(option: string, problem: string): never {
  throw new JwtError('ERR_JWT_CONFIG_INVALID', `Invalid option "${option}": ${problem}`);
}
