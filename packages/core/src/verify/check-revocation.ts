import { JwtError } from '../errors/jwt-error.js';
import type { RevocationStore } from '../revocation/revocation-store.js';
import type { VerifyResult } from '../types/claims.js';

/**
 * Asks the store whether a fully verified token is revoked (step 14). `true` →
 * `ERR_JWT_REVOKED`; a store that throws or answers anything but a boolean →
 * `ERR_REVOCATION_UNAVAILABLE` (fail closed); a `JwtError` from the store passes through.
 *
 * @param store - the configured revocation store
 * @param result - the verified result
 */
export async function checkRevocation(
  store: RevocationStore,
  result: VerifyResult,
): Promise<VerifyResult> {
  let revoked: unknown;
  try {
    revoked = await store.isRevoked(result.payload);
  } catch (err) {
    if (err instanceof JwtError) throw err;
    throw new JwtError('ERR_REVOCATION_UNAVAILABLE', undefined, { cause: err });
  }
  if (revoked === true) throw new JwtError('ERR_JWT_REVOKED');
  if (revoked !== false) throw new JwtError('ERR_REVOCATION_UNAVAILABLE');
  return result;
}
