import { JwtError, type JwtErrorDetails } from '../errors/jwt-error.js';

/** An `ERR_JWT_INVALID_REQUEST` (400) error; `message` must not quote the request. */
export function invalidRequest(
  message: string,
  cause?: unknown,
  details?: JwtErrorDetails,
): JwtError {
  return new JwtError('ERR_JWT_INVALID_REQUEST', message, { cause, details });
}
