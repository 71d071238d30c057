import { JwtError } from '@tokenward/core';

/**
 * Throws the construction error core's factories throw (`ERR_JWT_CONFIG_INVALID`), naming the
 * option; the same message shape as core's own `configError`, which core does not export.
 *
 * @param option - the option name, e.g. `onError`
 * @param problem - what is wrong with it (never a secret value)
 */
export function configError(option: string, problem: string): never {
  throw new JwtError('ERR_JWT_CONFIG_INVALID', `Invalid option "${option}": ${problem}`);
}
