import { JwtError } from '../errors/jwt-error.js';
import type { RevocationStore } from '../revocation/revocation-store.js';
import type { VerifyResult } from '../types/claims.js';

/**
 * Asks the store whether a fully verified token is revoked (step 14). `true` →
 * `ERR_JWT_REVOKED`; a store that throws or answers anything but a boolean →
 * `ERR_REVOCATION_UNAVAILABLE` (fail closed; a non-boolean also gets one process warning per
 * store, `TOKENWARD_REVOCATION_NOT_BOOLEAN`); a `JwtError` from the store passes through.
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
    const name = err instanceof Error ? err.name : typeof err;
    throw new JwtError('ERR_REVOCATION_UNAVAILABLE', `The revocation store failed (${name})`, {
      cause: err,
      details: { reason: 'store_failed' },
    });
  }
  if (revoked === true) throw new JwtError('ERR_JWT_REVOKED');
  if (revoked !== false) throw notBoolean(store, revoked);
  return result;
}

const told = new WeakSet<object>();

// Fails closed as an outage, and says why: once per store in the log, every time in details.
function notBoolean(store: RevocationStore, revoked: unknown): JwtError {
  const received = revoked === null ? 'null' : typeof revoked;
  const message = `isRevoked returned ${received === 'undefined' ? 'undefined' : `a ${received}`}; it must resolve true or false`;
  if (!told.has(store)) {
    told.add(store);
    process.emitWarning(`tokenward: ${message} (requests fail closed with 503)`, {
      code: 'TOKENWARD_REVOCATION_NOT_BOOLEAN',
    });
  }
  return new JwtError('ERR_REVOCATION_UNAVAILABLE', message, {
    details: { reason: 'not_boolean', received },
  });
}
