import { JwtError } from '@tokenward/core';

/**
 * Throws the construction error core's factories throw (`ERR_JWT_CONFIG_INVALID`), naming the
 * option. Same message shape as core's `configError`, which core does not export.
 *
 * @param option - the option path, e.g. `timeoutMs` or `mirror.subscriber`
 * @param problem - what is wrong with it (never a secret value)
 * @example
 * ```ts
 * configError('timeoutMs', 'must be an integer between 1 and 60000');
 * ```
 */
export function configError(option: string, problem: string): never {
  throw new JwtError('ERR_JWT_CONFIG_INVALID', `Invalid option "${option}": ${problem}`);
}
