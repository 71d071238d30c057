import { AUDIENCE, OTHER_SECRET, es256, hs256, rs256 } from '../fixtures.js';
import type { Scenario } from '../scenario.js';
import { ALG, SIGNATURE, invalidToken, ok } from './answers.js';
import { bearer } from './tokens.js';

/** The second and third issuers of the `issuers` profile (the first is `ISSUER`). */
export const PARTNER_ISSUER = 'https://partner.conformance.test';
export const REMOTE_ISSUER = 'https://remote.conformance.test/';
/** The only audience the partner issuer's tokens may name. */
export const PARTNER_AUDIENCE = 'partner-api';

const ISSUER_REFUSED = invalidToken(
  'ERR_JWT_ISSUER_MISMATCH',
  'The access token issuer is not accepted',
);
const partner = (overrides: Record<string, unknown> = {}): string =>
  hs256({ iss: PARTNER_ISSUER, aud: PARTNER_AUDIENCE, ...overrides }, {}, OTHER_SECRET);

/**
 * Rows: one API trusting three issuers (`issuers` option), each with its own key: `ISSUER` (the
 * HS256 secret), the partner (another HS256 secret, its own audience), a remote JWK Set (RS/ES).
 */
export const ISSUERS: readonly Scenario[] = [
  {
    name: 'issuers: token from issuer A',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(hs256({ sub: 'a-user' })),
    expect: ok('a-user'),
  },
  {
    name: 'issuers: token from issuer B (its own secret and audience)',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(partner({ sub: 'b-user' })),
    expect: ok('b-user'),
  },
  {
    name: 'issuers: token from the issuer of the remote JWK Set',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(es256({ iss: REMOTE_ISSUER, sub: 'remote-user' })),
    expect: ok('remote-user'),
  },
  {
    name: 'issuers: token from an unknown issuer',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(rs256({ iss: 'https://unknown.conformance.test/' })),
    expect: ISSUER_REFUSED,
  },
  {
    name: 'issuers: token without iss',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(hs256({ iss: undefined })),
    expect: ISSUER_REFUSED,
  },
  {
    name: 'issuers: A-key token claiming B (checked with B’s key only)',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(hs256({ iss: PARTNER_ISSUER, aud: PARTNER_AUDIENCE })),
    expect: SIGNATURE,
  },
  {
    name: 'issuers: A-key token claiming the JWK Set issuer (no HMAC there)',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(hs256({ iss: REMOTE_ISSUER })),
    expect: ALG,
  },
  {
    name: 'issuers: B token naming A’s audience only',
    profile: 'issuers',
    path: '/protected',
    headers: bearer(partner({ aud: AUDIENCE })),
    expect: invalidToken('ERR_JWT_AUDIENCE_MISMATCH', 'The access token audience is not accepted'),
  },
];
