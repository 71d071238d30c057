import { configError } from '../errors/jwt-error.js';
import { isLoopback } from '../lib/loopback.js';

/**
 * Parses a key-set or discovery URL and applies the transport policy: `https:` only, `http:`
 * on loopback addresses or with `allowInsecureHttp`; no credentials or fragment in the URL.
 * Throws `ERR_JWT_CONFIG_INVALID` naming `option` otherwise.
 *
 * @param value - the URL
 * @param option - the option name for messages
 * @param allowInsecureHttp - whether `http:` is allowed beyond loopback
 */
export function checkUrl(value: unknown, option: string, allowInsecureHttp: boolean): URL {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' || value instanceof URL ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined) return configError(option, 'must be an absolute URL');
  if (url.username !== '' || url.password !== '') {
    configError(option, 'must not carry credentials; use the headers option');
  }
  if (url.hash !== '') configError(option, 'must not have a fragment');
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') configError(option, 'must be an https: URL');
  if (!allowInsecureHttp && !isLoopback(url.hostname)) {
    configError(option, 'must be an https: URL (http: only on loopback or with allowInsecureHttp)');
  }
  return url;
}
