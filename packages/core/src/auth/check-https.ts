import { JwtError } from '../errors/jwt-error.js';
import { isLoopback } from '../lib/loopback.js';
import type { RequestView } from './request-view.js';

// Headers a reverse proxy adds: a loopback peer sending them relays someone else's request.
const PROXY_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
];

/**
 * The `requireHttps` rule: a token must arrive over HTTPS (`req.secure`, as the framework decided
 * with its trust-proxy setting), except from a loopback client that is not a proxy. Throws
 * `ERR_JWT_HTTPS_REQUIRED` (400).
 *
 * @param req - the request view
 */
export function checkHttps(req: RequestView): void {
  if (req.secure === true) return;
  if (isLoopback(req.remoteAddress) && !PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) {
    return;
  }
  throw new JwtError('ERR_JWT_HTTPS_REQUIRED');
}
