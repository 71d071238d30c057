import type { RequestView } from '../auth/request-view.js';
import { memoizeRecent } from '../lib/memoize-recent.js';
import { parseHttpUrl } from '../lib/origin.js';

// RFC 3986 §2.3 unreserved characters: a percent-encoded one means the character itself.
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

// RFC 3986 §6.2.2.1–2: percent-encodings in upper case, unreserved characters decoded. (The URL
// parser already lower-cases scheme and host, drops default ports and removes dot segments.)
function normalisePath(path: string): string {
  return path.replace(/%[0-9A-Fa-f]{2}/g, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
}

/**
 * The RFC 3986 §6 normal form of an absolute `http:`/`https:` URL without query, fragment or
 * userinfo (an `htu` claim, RFC 9449 §4.2), or `undefined` for anything else.
 *
 * @param value - the URL, untrusted
 */
export function normaliseHtu(value: string): string | undefined {
  if (value.includes('?') || value.includes('#')) return undefined;
  const url = parseHttpUrl(value);
  return url === undefined ? undefined : url.origin + normalisePath(url.pathname);
}

// Normal forms of recent request URLs: a server sees the same few, and parsing one costs far more
// than looking it up.
const normaliseKnown = memoizeRecent(normaliseHtu, 256, 512);

/** The public address of the server when it is not what the request says (a proxy in front). */
export interface PublicUrl {
  /** `https://api.example.com` */
  readonly origin: string;
  /** A path the proxy strips before forwarding (`/api`), or `''`. */
  readonly basePath: string;
}

/**
 * Reads the `publicUrl` option: an absolute `http(s)` URL without query, fragment or userinfo.
 *
 * @param value - the option value
 * @returns the parsed URL, or `undefined` when it is not one
 */
export function parsePublicUrl(value: string): PublicUrl | undefined {
  const normal = normaliseHtu(value);
  if (normal === undefined) return undefined;
  const origin = new URL(normal).origin;
  return { origin, basePath: normal.slice(origin.length).replace(/\/+$/, '') };
}

/**
 * The normalised URL a proof's `htu` must match for this request: the request target without
 * query and fragment, on the configured public origin, or else on the scheme (`secure`, as the
 * framework decided with its trust-proxy setting) and host the request names. An absolute-form
 * target must name that same origin. `undefined` when the request has no usable host or target.
 *
 * @param req - the request view
 * @param publicUrl - the configured public URL, if any
 */
export function requestHtu(req: RequestView, publicUrl: PublicUrl | undefined): string | undefined {
  let origin: string;
  let prefix = '';
  if (publicUrl !== undefined) {
    origin = publicUrl.origin;
    prefix = publicUrl.basePath;
  } else {
    const host = req.host ?? req.headers['host'];
    if (typeof host !== 'string' || host === '') return undefined;
    origin = `${req.secure ? 'https' : 'http'}://${host}`;
  }
  const target = req.url;
  let end = target.length;
  for (const mark of ['?', '#']) {
    const at = target.indexOf(mark);
    if (at !== -1 && at < end) end = at;
  }
  const path = target.slice(0, end);
  if (path.startsWith('/')) return normaliseKnown(origin + prefix + path);
  // Absolute-form (RFC 9112 §3.2.2): accepted only for the server's own origin.
  const absolute = normaliseHtu(path);
  const expectedOrigin = normaliseHtu(origin);
  if (absolute === undefined || expectedOrigin === undefined) return undefined;
  const absoluteOrigin = new URL(absolute).origin;
  if (absoluteOrigin !== new URL(expectedOrigin).origin) return undefined;
  return normaliseHtu(absoluteOrigin + prefix + absolute.slice(absoluteOrigin.length));
}
