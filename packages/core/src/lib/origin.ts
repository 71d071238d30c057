/**
 * An absolute `http:`/`https:` URL without userinfo, parsed, or `undefined` for anything else.
 *
 * @param value - the URL, untrusted
 */
export function parseHttpUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.username === '' && url.password === '' ? url : undefined;
}

/**
 * The serialised origin (`https://example.com:8443`, RFC 6454) of an `http:`/`https:` URL that has
 * nothing but scheme, host and port (a trailing `/` allowed), or `undefined`.
 */
export function parseOrigin(value: string): string | undefined {
  const url = parseHttpUrl(value);
  if (url === undefined || url.search !== '' || url.hash !== '') return undefined;
  if (url.pathname !== '/' || /[?#]$/.test(value)) return undefined;
  return url.origin;
}

/** The origin of any absolute `http:`/`https:` URL (a `Referer`), or `undefined`. */
export function originOfUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
