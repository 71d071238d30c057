import { HOSTILE_KID, es256, rs256 } from '../fixtures.js';
import type { Scenario } from '../scenario.js';
import { ALG, NO_KEY, ok, unavailable } from './answers.js';
import { USER, bearer } from './tokens.js';

/** Rows: keys from a remote JWK Set, and its outage. */
export const REMOTE_JWKS: readonly Scenario[] = [
  // Remote JWK Set.
  {
    name: 'RS256 token from the JWK Set',
    profile: 'jwks',
    path: '/protected',
    headers: bearer(rs256({ sub: 'rsa-user' })),
    expect: ok('rsa-user'),
  },
  {
    name: 'ES256 token from the JWK Set',
    profile: 'jwks',
    path: '/protected',
    headers: bearer(es256({ sub: 'ec-user' })),
    expect: ok('ec-user'),
  },
  {
    name: 'kid not in the JWK Set',
    profile: 'jwks',
    path: '/protected',
    headers: bearer(rs256({}, 'rsa-2')),
    expect: NO_KEY,
  },
  {
    name: 'hostile kid against the JWK Set (header stays clean)',
    profile: 'jwks',
    path: '/protected',
    headers: bearer(rs256({}, HOSTILE_KID)),
    expect: NO_KEY,
  },
  {
    name: 'HS256 token against an RS/ES allow-list',
    profile: 'jwks',
    path: '/protected',
    headers: bearer(USER),
    expect: ALG,
  },
  {
    name: 'JWKS outage (503)',
    profile: 'jwks-down',
    path: '/protected',
    headers: bearer(rs256()),
    expect: unavailable('ERR_JWKS_UNAVAILABLE', 'The key set is temporarily unavailable', '30'),
  },
];
