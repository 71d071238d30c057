import type { RequestView } from '../auth/request-view.js';
import { isB64Token } from '../lib/b64token.js';
import { invalidRequest } from '../lib/invalid-request.js';

function cookieHeader(req: RequestView): string | undefined {
  const value = req.headers['cookie'];
  // Node joins repeated Cookie headers with "; " (RFC 6265 §5.4); some servers hand an array.
  return Array.isArray(value) ? value.join('; ') : value;
}

/**
 * The value of the named cookie (RFC 6265 §4.2 `cookie-string`, parsed here, not by a
 * framework), `undefined` when absent or empty. A cookie sent twice under the same name (cookie
 * tossing from a sibling domain) or a value that is not a token is `ERR_JWT_INVALID_REQUEST`.
 * Other cookies are not looked at beyond their names.
 *
 * @param req - the request view
 * @param name - the cookie name, case-sensitive
 */
export function readCookie(req: RequestView, name: string): string | undefined {
  const header = cookieHeader(req);
  if (header === undefined || header === '') return undefined;
  let found: string | undefined;
  let count = 0;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim() !== name) continue;
    count++;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    found = value;
  }
  if (count > 1) throw invalidRequest('The token cookie is sent more than once');
  // An emptied cookie (a logout that could not delete it) is no token.
  if (found === undefined || found === '') return undefined;
  if (!isB64Token(found)) throw invalidRequest('The token cookie is malformed');
  return found;
}
