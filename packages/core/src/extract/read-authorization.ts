import type { RequestView } from '../auth/request-view.js';
import { isB64Token } from '../lib/b64token.js';
import type { JwtError } from '../errors/jwt-error.js';
import { invalidRequest } from '../lib/invalid-request.js';
import { countRawHeader } from '../lib/count-raw-header.js';

// RFC 7235 §2.1: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
const CREDENTIALS = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?: +([^]*))?$/;

/** The refusal of an `Authorization` header that is not `<scheme> <b64token>` (400). */
// `Authorization: Bearer` with nothing after it: most often an unset variable in a client script.
function emptyToken(): JwtError {
  return invalidRequest('The Authorization header carries an empty Bearer token', undefined, {
    reason: 'empty_token',
  });
}

export function malformedAuthorization(): JwtError {
  return invalidRequest('The Authorization header is malformed');
}

/**
 * The Bearer token of the `Authorization` header, `undefined` when there is no header or it uses
 * another scheme, or throws `ERR_JWT_INVALID_REQUEST` for a duplicate or malformed header.
 *
 * @param req - the request view
 * @param checkToken - whether to check the token's RFC 6750 `b64token` syntax here (`false`: the
 *   caller checks it when the token is refused, see `createAuthenticator`)
 */
export function readAuthorization(req: RequestView, checkToken = true): string | undefined {
  // Node keeps only the first of duplicate Authorization headers in `headers`: look at the raw list.
  if (countRawHeader(req.rawHeaders, 'authorization') > 1) {
    throw invalidRequest('The request carries more than one Authorization header');
  }
  const value = req.headers['authorization'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw invalidRequest('The request carries more than one Authorization header');
  }
  // The usual form, `Bearer <token>` with one space, read without the regular expression.
  if (value.startsWith('Bearer ') && value.charCodeAt(7) !== 0x20) {
    const token = value.slice(7);
    if (token === '') throw emptyToken();
    if (checkToken && !isB64Token(token)) throw malformedAuthorization();
    return token;
  }
  const match = CREDENTIALS.exec(value);
  if (match === null) throw malformedAuthorization();
  // Auth-scheme names are case-insensitive (RFC 7235 §2.1); another scheme is not ours.
  if ((match[1] as string).toLowerCase() !== 'bearer') return undefined;
  const token = match[2];
  if (token === undefined || token.trim() === '') throw emptyToken();
  if (checkToken && !isB64Token(token)) throw malformedAuthorization();
  return token;
}

/**
 * {@link readAuthorization} that also accepts the `DPoP` scheme (RFC 9449 §7.1), telling which
 * scheme carried the token; used when the `dpop` option is on.
 *
 * @param req - the request view
 * @param checkToken - as for {@link readAuthorization}
 */
export function readAuthorizationWithDpop(
  req: RequestView,
  checkToken = true,
): { token: string; scheme: 'Bearer' | 'DPoP' } | undefined {
  const value = req.headers['authorization'];
  if (
    typeof value === 'string' &&
    value.length > 5 &&
    // The usual spelling first: no lower-cased copy of the scheme then.
    (value.startsWith('DPoP ') || value.slice(0, 5).toLowerCase() === 'dpop ')
  ) {
    if (countRawHeader(req.rawHeaders, 'authorization') > 1) {
      throw invalidRequest('The request carries more than one Authorization header');
    }
    // The usual form, `DPoP <token>` with one space, read without the regular expression.
    const token =
      value.charCodeAt(5) !== 0x20 && value.startsWith('DPoP ')
        ? value.slice(5)
        : CREDENTIALS.exec(value)?.[2];
    if (token === undefined || (checkToken && !isB64Token(token))) throw malformedAuthorization();
    return { token, scheme: 'DPoP' };
  }
  const token = readAuthorization(req, checkToken);
  return token === undefined ? undefined : { token, scheme: 'Bearer' };
}
