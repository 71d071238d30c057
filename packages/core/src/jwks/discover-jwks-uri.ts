import { JwtError } from '../errors/jwt-error.js';
import { FetchError } from '../lib/fetch-json.js';
import { checkUrl } from './check-url.js';

/**
 * OpenID Connect Discovery 1.0 §4: fetches `<issuer>/.well-known/openid-configuration`, requires
 * its `issuer` to be exactly the configured issuer (§4.3) and returns its `jwks_uri`, which must
 * pass the same transport policy as a configured URL. Rejects with `FetchError`.
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
  try {
    return checkUrl(jwksUri, 'jwks_uri', allowInsecureHttp);
  } catch (err) {
    if (err instanceof JwtError) throw new FetchError(`the discovered jwks_uri is refused`, err);
    throw err;
  }
}
