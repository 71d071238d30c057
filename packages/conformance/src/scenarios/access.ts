import { NOW, hs256 } from '../fixtures.js';
import type { Scenario } from '../scenario.js';
import { invalidToken, ok } from './answers.js';
import { COOKIE_USER, USER, bearer, cookie } from './tokens.js';

/** Rows: optional authentication, public routes, cross-site requests with cookies. */
export const ACCESS: readonly Scenario[] = [
  // Optional authentication and public routes.
  { name: 'optional route, anonymous', path: '/optional', expect: ok(null) },
  {
    name: 'optional route, valid token',
    path: '/optional',
    headers: bearer(USER),
    expect: ok('user-1'),
  },
  {
    name: 'optional route, bad token is still refused',
    path: '/optional',
    headers: bearer(hs256({ exp: NOW - 1 })),
    expect: invalidToken('ERR_JWT_EXPIRED', 'The access token expired'),
  },
  {
    name: 'public route left out of authentication',
    path: '/public',
    headers: [['Authorization', 'Bearer not-a-jwt']],
    expect: { status: 200, challenge: null, body: { public: true } },
  },

  // Cross-site requests with cookie authentication.
  {
    name: 'cookie POST from a foreign origin (CSRF)',
    method: 'POST',
    path: '/protected',
    headers: [...cookie(COOKIE_USER), ['Origin', 'https://evil.example']],
    expect: {
      status: 403,
      challenge: null,
      body: {
        error: 'access_denied',
        error_description: 'Cross-site request refused for cookie authentication',
        code: 'ERR_JWT_CSRF',
      },
    },
  },
  {
    name: 'cookie POST from the same origin',
    method: 'POST',
    path: '/protected',
    headers: (origin) => [...cookie(COOKIE_USER), ['Origin', origin]],
    expect: ok('cookie-1'),
  },
  {
    name: 'header POST from a foreign origin (no CSRF risk)',
    method: 'POST',
    path: '/protected',
    headers: [...bearer(USER), ['Origin', 'https://evil.example']],
    expect: ok('user-1'),
  },
];
