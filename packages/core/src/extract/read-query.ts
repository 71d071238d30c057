import type { RequestView } from '../auth/request-view.js';
import { isB64Token } from '../lib/b64token.js';
import { invalidRequest } from '../lib/invalid-request.js';

/**
 * The `access_token` query parameter (RFC 6750 §2.3), `undefined` when absent. A repeated or
 * malformed parameter is `ERR_JWT_INVALID_REQUEST`.
 *
 * @param req - the request view
 */
export function readQuery(req: RequestView): string | undefined {
  const start = req.url.indexOf('?');
  if (start === -1) return undefined;
  const end = req.url.indexOf('#', start);
  const params = new URLSearchParams(req.url.slice(start + 1, end === -1 ? undefined : end));
  const values = params.getAll('access_token');
  if (values.length === 0) return undefined;
  if (values.length > 1) throw invalidRequest('The access_token parameter is sent more than once');
  const token = values[0] as string;
  if (!isB64Token(token)) throw invalidRequest('The access_token parameter is malformed');
  return token;
}
