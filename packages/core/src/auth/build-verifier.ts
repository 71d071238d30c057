import { verifierOptionsFromEnv } from '../config/verifier-options-from-env.js';
import { configError, JwtError } from '../errors/jwt-error.js';
import type { Verifier, VerifierOptions } from '../types/verifier-options.js';
import { createVerifier } from '../verify/create-verifier.js';
import type { AuthenticatorOptions } from './authenticator-types.js';

const VERIFIER_FIELDS = [
  'algorithms',
  'key',
  'issuer',
  'issuers',
  'maxIssuers',
  'audience',
  'subject',
  'typ',
  'requiredClaims',
  'clockTolerance',
  'maxTokenAge',
  'maxTokenLength',
  'clock',
  'revocation',
  'cache',
] as const;

/**
 * The verifier of an authenticator: the prebuilt `verifier`; or one built from the options when
 * `key` or `issuers` is given; or one built from the environment (`verifierOptionsFromEnv`) with the options'
 * verifier fields on top.
 *
 * @param options - the authenticator options
 */
export function buildVerifier(options: AuthenticatorOptions<unknown>): Verifier {
  const given = VERIFIER_FIELDS.filter((field) => options[field] !== undefined);
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
    return options.verifier;
  }
  const fields: Partial<VerifierOptions> = {};
  for (const field of given) (fields as Record<string, unknown>)[field] = options[field];
  if (options.key !== undefined || options.issuers !== undefined) {
    return createVerifier(fields as VerifierOptions);
  }
  let fromEnv: VerifierOptions;
  try {
    fromEnv = verifierOptionsFromEnv();
  } catch (err) {
    if (!(err instanceof JwtError)) throw err;
    configError('key', `not given, and the environment is not usable either: ${err.message}`);
  }
  return createVerifier({ ...fromEnv, ...fields });
}
