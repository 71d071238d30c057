import { REALM } from '../fixtures.js';
import type { Scenario } from '../scenario.js';
import { EMPTY_TOKEN, INVALID_REQUEST, MISSING, ok } from './answers.js';
import { ADMIN, COOKIE_USER, USER, bearer, cookie } from './tokens.js';

/** Rows: token extraction (schemes, spacing, sources) and requireHttps. */
export const EXTRACTION: readonly Scenario[] = [
  // Extraction: schemes, spacing, sources.
  {
    name: 'valid token in the Authorization header',
    path: '/protected',
    headers: bearer(USER),
    expect: ok('user-1'),
  },
  { name: 'no credentials', path: '/protected', expect: MISSING },
  {
    name: 'scheme in lower case',
    path: '/protected',
    headers: [['Authorization', `bearer ${USER}`]],
    expect: ok('user-1'),
  },
  {
    name: 'scheme in upper case',
    path: '/protected',
    headers: [['Authorization', `BEARER ${USER}`]],
    expect: ok('user-1'),
  },
  {
    name: 'several spaces after the scheme (1*SP)',
    path: '/protected',
    headers: [['Authorization', `Bearer   ${USER}`]],
    expect: ok('user-1'),
  },
  {
    name: 'Basic scheme is no Bearer credential',
    path: '/protected',
    headers: [['Authorization', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l']],
    expect: MISSING,
  },
  {
    name: '"Bearer" alone',
    path: '/protected',
    headers: [['Authorization', 'Bearer']],
    expect: EMPTY_TOKEN,
  },
  {
    name: 'token with characters outside b64token',
    path: '/protected',
    headers: [['Authorization', `Bearer ${USER} extra`]],
    expect: INVALID_REQUEST,
  },
  {
    name: 'duplicate Authorization headers',
    path: '/protected',
    headers: [...bearer(USER), ...bearer(ADMIN)],
    expect: INVALID_REQUEST,
  },
  {
    name: 'token in the cookie',
    path: '/protected',
    headers: cookie(COOKIE_USER),
    expect: ok('cookie-1'),
  },
  {
    name: 'cookie and header together',
    path: '/protected',
    headers: [...bearer(USER), ...cookie(COOKIE_USER)],
    expect: INVALID_REQUEST,
  },
  {
    name: 'query token is off by default',
    path: `/protected?access_token=${USER}`,
    expect: MISSING,
  },
  {
    name: 'query token when enabled',
    profile: 'query',
    path: `/protected?access_token=${USER}`,
    expect: ok('user-1'),
  },
  {
    name: 'query token and header together',
    profile: 'query',
    path: `/protected?access_token=${USER}`,
    headers: bearer(USER),
    expect: INVALID_REQUEST,
  },

  // HTTPS required: a loopback client is exempt, a proxied (forwarded) plain-HTTP request is not.
  {
    name: 'requireHttps, direct loopback client',
    profile: 'https',
    path: '/protected',
    headers: bearer(USER),
    expect: ok('user-1'),
  },
  {
    name: 'requireHttps, plain HTTP through a proxy',
    profile: 'https',
    path: '/protected',
    headers: [...bearer(USER), ['X-Forwarded-For', '203.0.113.7'], ['X-Forwarded-Proto', 'http']],
    expect: {
      status: 400,
      challenge: `Bearer realm="${REALM}", error="invalid_request", error_description="Access tokens are only accepted over HTTPS"`,
      body: {
        error: 'invalid_request',
        error_description: 'Access tokens are only accepted over HTTPS',
        code: 'ERR_JWT_HTTPS_REQUIRED',
      },
    },
  },
];
