import { verifierOptionsFromEnv } from '../config/verifier-options-from-env.js';
import { configError, JwtError } from '../errors/jwt-error.js';
import type { Verifier, VerifierOptions } from '../types/verifier-options.js';
import { createVerifier } from '../verify/create-verifier.js';
import { VERIFIER_OPTION_KEYS } from '../verify/read-verifier-options.js';
import type { AuthenticatorOptions } from './authenticator-types.js';
import { warnUnappliedVariables } from '../config/env-not-applied.js';

/**
 * The verifier of an authenticator: the prebuilt `verifier`; or one built from the options when
 * `key` or `issuers` is given; or one built from the environment (`verifierOptionsFromEnv`) with the options'
 * verifier fields on top. The rule (stated identically in every adapter's docs): `JWT_*`
 * variables are read only when the options give neither `key` nor `verifier`; options given
 * override them; a set variable that is not applied gets one process warning naming it; `key`
 * present but `undefined` is an error, never a fallback to the environment.
 *
 * @param options - the authenticator options
 */
export function buildVerifier(options: AuthenticatorOptions<unknown>): Verifier {
  if (Object.hasOwn(options, 'key') && options.key === undefined) {
    // `key: process.env.X` with X unset must not fall back to JWT_SECRET.
    configError(
      'key',
      'is present but undefined (an unset variable?); give a key, or leave "key" out to read JWT_* variables',
    );
  }
  const given = VERIFIER_OPTION_KEYS.filter((field) => options[field] !== undefined);
  if (options.verifier !== undefined) {
    if (typeof options.verifier?.verify !== 'function') {
      configError('verifier', 'must be a verifier from createVerifier()');
    }
    if (given.length > 0) {
      configError(
        'verifier',
        `cannot be combined with ${given.join(', ')} (set them on the verifier)`,
      );
    }
    warnUnappliedVariables(options, false);
    return options.verifier;
  }
  const fields: Partial<VerifierOptions> = {};
  for (const field of given) (fields as Record<string, unknown>)[field] = options[field];
  if (options.key !== undefined || options.issuers !== undefined) {
    const verifier = createVerifier(fields as VerifierOptions);
    warnUnappliedVariables(options, false);
    return verifier;
  }
  let fromEnv: VerifierOptions;
  try {
    fromEnv = verifierOptionsFromEnv();
  } catch (err) {
    if (!(err instanceof JwtError)) throw err;
    configError('key', `not given, and the environment is not usable either: ${err.message}`);
  }
  const verifier = createVerifier({ ...fromEnv, ...fields });
  warnUnappliedVariables(options, true);
  return verifier;
}
