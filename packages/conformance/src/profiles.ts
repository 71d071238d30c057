// The server configurations the table runs against. Every adapter gets the same ones.
import {
  createRemoteJwks,
  type AuthenticatorOptions,
  type KeyInput,
  type RevocationStore,
} from '@tokenward/core';
import type { AppConfig } from './adapter.js';
import { AUDIENCE, COOKIE, ISSUER, NOW_MS, OTHER_SECRET, REALM, SECRET, TYP } from './fixtures.js';
import { PARTNER_AUDIENCE, PARTNER_ISSUER, REMOTE_ISSUER } from './scenarios/issuers.js';

/** The name of a server configuration. */
export type ProfileName =
  | 'default'
  | 'query'
  | 'https'
  | 'resolver'
  | 'jwks'
  | 'jwks-down'
  | 'store-down'
  | 'issuers'
  | 'dpop'
  | 'dpop-required';

/** Resources the test owns and hands to the profiles. */
export interface ProfileResources {
  /** URL of a local JWKS server publishing `JWKS`. */
  readonly jwksUrl: string;
  /** URL of a local JWKS server that has been stopped. */
  readonly deadJwksUrl: string;
  /** A revocation store holding `REVOKED_JTI`. */
  readonly revocation: RevocationStore;
  /** A revocation store whose backend is down (it rejects like a lost connection). */
  readonly brokenRevocation: RevocationStore;
}

const clock = (): number => NOW_MS;

function base(resources: ProfileResources): AppConfig['auth'] {
  return {
    algorithms: ['HS256'],
    key: SECRET,
    issuer: ISSUER,
    audience: AUDIENCE,
    typ: TYP,
    clock,
    realm: REALM,
    cookie: COOKIE,
    revocation: resources.revocation,
  };
}

// kid "short" resolves to an unusable (too short) HMAC secret, kid "unknown" to no key.
function resolve(header: { kid?: string }): KeyInput | undefined {
  if (header.kid === 'short') return Buffer.alloc(8, 1);
  if (header.kid === 'unknown') return undefined;
  return SECRET;
}

/**
 * Builds the app configuration of a profile. Called once per adapter, so that no state (a JWKS
 * cache or cooldown) is shared between adapters.
 *
 * @param name - the profile
 * @param resources - the test's servers and stores
 */
export function profileConfig(name: ProfileName, resources: ProfileResources): AppConfig {
  const auth = base(resources);
  const remote = (url: string) => ({
    algorithms: ['RS256', 'ES256'] as AuthenticatorOptions['algorithms'],
    key: createRemoteJwks(url, { clock }),
  });
  switch (name) {
    case 'default':
      return { auth };
    case 'query':
      return { auth: { ...auth, query: true } };
    case 'https':
      return { auth: { ...auth, requireHttps: true } };
    case 'resolver':
      return { auth: { ...auth, key: resolve } };
    case 'jwks':
      return { auth: { ...auth, ...remote(resources.jwksUrl) } };
    case 'jwks-down':
      return { auth: { ...auth, ...remote(resources.deadJwksUrl) } };
    case 'store-down':
      return { auth: { ...auth, revocation: resources.brokenRevocation } };
    case 'issuers':
      return { auth: issuersProfile(auth, resources) };
    case 'dpop':
      return { auth: { ...auth, dpop: {} } };
    case 'dpop-required':
      return { auth: { ...auth, dpop: { mode: 'required', algorithms: ['ES256'] } } };
  }
}

// Three issuers, each with its own key; `key` and `issuer` give way to `issuers`.
function issuersProfile(auth: AppConfig['auth'], resources: ProfileResources): AppConfig['auth'] {
  const { key: _key, issuer: _issuer, ...rest } = auth;
  return {
    ...rest,
    algorithms: ['HS256', 'RS256', 'ES256'],
    issuers: {
      [ISSUER]: { key: SECRET, algorithms: ['HS256'] },
      [PARTNER_ISSUER]: { key: OTHER_SECRET, algorithms: ['HS256'], audience: PARTNER_AUDIENCE },
      [REMOTE_ISSUER]: { jwksUri: resources.jwksUrl, algorithms: ['RS256', 'ES256'] },
    },
  };
}
