import type { TokenSource } from '../auth/authenticator-types.js';
import type { RequestView } from '../auth/request-view.js';
import { JwtError } from '../errors/jwt-error.js';
import { invalidRequest } from '../lib/invalid-request.js';
import type { ExtractedToken, TokenExtractorOptions } from './create-token-extractor.js';

// Whether the request's Cookie header(s) carry the token, under any name or wrapping (a signed
// or encoded cookie keeps a JWT's characters as they are).
function inCookieHeader(req: RequestView, token: string): boolean {
  const header = req.headers.cookie;
  if (typeof header === 'string') return header.includes(token);
  return Array.isArray(header) && header.some((value) => value.includes(token));
}

/**
 * Runs the custom getter and says where its token came from: `custom`, or `cookie` when the getter
 * says so or the request's `Cookie` header carries the token. A throw that is not a `JwtError`, a
 * non-string token or an unknown source is `ERR_JWT_INVALID_REQUEST`.
 *
 * @param getToken - the configured getter
 * @param req - the request view
 */
export async function readCustom(
  getToken: NonNullable<TokenExtractorOptions['getToken']>,
  req: RequestView,
): Promise<ExtractedToken | undefined> {
  let value: unknown;
  try {
    value = await getToken(req);
  } catch (err) {
    if (err instanceof JwtError) throw err;
    throw invalidRequest('The custom token getter failed', err);
  }
  let source: TokenSource = 'custom';
  if (typeof value === 'object' && value !== null) {
    const { token, source: declared } = value as { token?: unknown; source?: unknown };
    if (declared !== 'cookie' && declared !== 'custom') {
      throw invalidRequest('The custom token getter returned an unknown source');
    }
    source = declared;
    value = token;
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw invalidRequest('The custom token getter returned a non-string');
  }
  // A token the browser sends by itself is cookie-borne, whatever the getter says: CSRF-checked.
  if (source === 'custom' && inCookieHeader(req, value)) source = 'cookie';
  return { token: value, source };
}
