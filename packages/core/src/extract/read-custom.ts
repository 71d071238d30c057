import type { TokenSource } from '../auth/authenticator-types.js';
import type { RequestView } from '../auth/request-view.js';
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
 * says so or the request's `Cookie` header carries the token. What the getter throws is passed on
 * as it is (a `JwtError` answers the request, anything else is the app's bug: a 500 on the
 * framework's error path); a return value of the wrong shape is a `TypeError`, a bug too.
 *
 * @param getToken - the configured getter
 * @param req - the request view
 */
export async function readCustom(
  getToken: NonNullable<TokenExtractorOptions['getToken']>,
  req: RequestView,
): Promise<ExtractedToken | undefined> {
  // What the getter throws is the app's: never a 4xx the client would be blamed for.
  let value: unknown = await getToken(req);
  let source: TokenSource = 'custom';
  if (typeof value === 'object' && value !== null) {
    const { token, source: declared } = value as { token?: unknown; source?: unknown };
    if (declared !== 'cookie' && declared !== 'custom') {
      throw new TypeError(
        `tokenward: getToken returned { source: ${JSON.stringify(String(declared)).slice(0, 40)} }; it must be 'cookie' or 'custom'`,
      );
    }
    source = declared;
    value = token;
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new TypeError(
      `tokenward: getToken must return a string, { token, source }, undefined or null, not ${typeof value}`,
    );
  }
  // A token the browser sends by itself is cookie-borne, whatever the getter says: CSRF-checked.
  if (source === 'custom' && inCookieHeader(req, value)) source = 'cookie';
  return { token: value, source };
}
