import { JwtError } from '../errors/jwt-error.js';
import { FetchError } from '../lib/fetch-json.js';
import { isLoopback } from '../lib/loopback.js';
import { checkUrl } from './check-url.js';

/**
 * OpenID Connect Discovery 1.0 §4: fetches `<issuer>/.well-known/openid-configuration`, requires
 * its `issuer` to be exactly the configured issuer (§4.3) and returns its `jwks_uri`, which must
 * pass the same transport policy as a configured URL and may not downgrade the transport: an
 * `http:` `jwks_uri` (itself on loopback) only for a loopback issuer, any `http:` one only with
 * `allowInsecureHttp`. Rejects with `FetchError`.
 *
 * @param issuer - the configured issuer, exactly as configured
 * @param get - the fetch used for every document
 * @param allowInsecureHttp - the transport policy
 */
export async function discoverJwksUri(
  issuer: string,
  get: (url: URL) => Promise<unknown>,
  allowInsecureHttp: boolean,
): Promise<URL> {
  const base = new URL(issuer);
  base.pathname = `${base.pathname.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const config = await get(base);
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new FetchError('the OpenID configuration is not a JSON object');
  }
  const { issuer: discovered, jwks_uri: jwksUri } = config as Record<string, unknown>;
  if (discovered !== issuer) {
    throw new FetchError('the OpenID configuration names another issuer');
  }
  let url: URL;
  try {
    url = checkUrl(jwksUri, 'jwks_uri', allowInsecureHttp);
  } catch (err) {
    if (err instanceof JwtError) throw new FetchError(`the discovered jwks_uri is refused`, err);
    throw err;
  }
  // An https issuer on another host must not send the keys over plain HTTP, not even to a
  // loopback address of this machine.
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(base.hostname)) {
    throw new FetchError('the discovered jwks_uri is refused: http: for an issuer not on loopback');
  }
  return url;
}
