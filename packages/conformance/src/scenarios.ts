// The conformance table: request in, status, challenge and body out. Every adapter must produce
// exactly these answers; any difference between adapters is a failing test.
import {
  COOKIE,
  HOSTILE_KID,
  NOW,
  OTHER_SECRET,
  REALM,
  REVOKED_JTI,
  TYP,
  b64,
  es256,
  hs256,
  hs256Raw,
  rs256,
} from './fixtures.js';
import type { Header } from './lib/send.js';
import type { ProfileName } from './profiles.js';

/** What the server must answer. */
export interface Expectation {
  readonly status: number;
  /** The exact `WWW-Authenticate` value, or `null` when the header must be absent. */
  readonly challenge: string | null;
  /** The exact JSON body. */
  readonly body: unknown;
  /** The exact `Retry-After` value, or `null` (default) when the header must be absent. */
  readonly retryAfter?: string | null;
}

/** One row of the table. */
export interface Scenario {
  readonly name: string;
  /** Server configuration; default `default`. */
  readonly profile?: ProfileName;
  readonly method?: string;
  readonly path: string;
  /** Header lines in order; a function receives the server's own origin. */
  readonly headers?: readonly Header[] | ((origin: string) => readonly Header[]);
  readonly expect: Expectation;
}

// ---- expected answers, spelled out --------------------------------------------------------

const ok = (sub: string | null): Expectation => ({ status: 200, challenge: null, body: { sub } });

const MISSING: Expectation = {
  status: 401,
  challenge: `Bearer realm="${REALM}"`,
  body: {
    error: 'unauthorized',
    error_description: 'No access token was provided',
    code: 'ERR_JWT_MISSING',
  },
};

const INVALID_REQUEST_TEXT = 'The request carries a malformed or ambiguous access token';
const INVALID_REQUEST: Expectation = {
  status: 400,
  challenge: `Bearer realm="${REALM}", error="invalid_request", error_description="${INVALID_REQUEST_TEXT}"`,
  body: {
    error: 'invalid_request',
    error_description: INVALID_REQUEST_TEXT,
    code: 'ERR_JWT_INVALID_REQUEST',
  },
};

const invalidToken = (code: string, text: string): Expectation => ({
  status: 401,
  challenge: `Bearer realm="${REALM}", error="invalid_token", error_description="${text}"`,
  body: { error: 'invalid_token', error_description: text, code },
});

const SCOPE_TEXT = 'The access token does not grant the required scope';
const insufficient = (scope?: string): Expectation => ({
  status: 403,
  challenge:
    `Bearer realm="${REALM}", error="insufficient_scope", error_description="${SCOPE_TEXT}"` +
    (scope === undefined ? '' : `, scope="${scope}"`),
  body: {
    error: 'insufficient_scope',
    error_description: SCOPE_TEXT,
    code: 'ERR_JWT_INSUFFICIENT_SCOPE',
  },
});

const unavailable = (code: string, text: string, retryAfter: string): Expectation => ({
  status: 503,
  challenge: null,
  retryAfter,
  body: { error: 'temporarily_unavailable', error_description: text, code },
});

const MALFORMED = invalidToken('ERR_JWT_MALFORMED', 'The access token is malformed');
const ALG = invalidToken('ERR_JWT_ALG_NOT_ALLOWED', 'The access token algorithm is not allowed');
const SIGNATURE = invalidToken(
  'ERR_JWT_SIGNATURE_INVALID',
  'The access token signature is invalid',
);
const NO_KEY = invalidToken('ERR_JWT_KEY_NOT_FOUND', 'No key is known for the access token');
const CLAIM = invalidToken('ERR_JWT_CLAIM_INVALID', 'The access token has an invalid claim');

// ---- tokens -------------------------------------------------------------------------------

const USER = hs256();
const ADMIN = hs256({ sub: 'admin-1', roles: ['admin', 'user'] });
const EDITOR = hs256({ sub: 'editor-1', roles: ['editor'] });
const REPORTER = hs256({ sub: 'reporter-1', scope: 'read:profile read:reports' });
const VERIFIED = hs256({ sub: 'verified-1', email_verified: true });
const COOKIE_USER = hs256({ sub: 'cookie-1' });

const bearer = (token: string): Header[] => [['Authorization', `Bearer ${token}`]];
const cookie = (token: string): Header[] => [['Cookie', `theme=dark; ${COOKIE}=${token}`]];

/** The table. */
export const SCENARIOS: readonly Scenario[] = [
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
    expect: INVALID_REQUEST,
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

  // Token failures, one per family of DESIGN.md §4.
  {
    name: 'oversized token (401, never 5xx)',
    path: '/protected',
    headers: bearer(`${'a'.repeat(6000)}.${'b'.repeat(4000)}.c`),
    expect: invalidToken('ERR_JWT_TOO_LARGE', 'The access token is too large'),
  },
  {
    name: 'two segments',
    path: '/protected',
    headers: bearer(USER.split('.').slice(0, 2).join('.')),
    expect: MALFORMED,
  },
  {
    name: 'JWE (five segments)',
    path: '/protected',
    headers: bearer(`${b64('{"alg":"dir","enc":"A256GCM"}')}.a.b.c.d`),
    expect: MALFORMED,
  },
  {
    name: 'duplicate member in the header',
    path: '/protected',
    headers: bearer(
      hs256Raw(
        `{"alg":"HS256","typ":"${TYP}","alg":"HS256"}`,
        JSON.stringify({ sub: 'x', exp: NOW + 60 }),
      ),
    ),
    expect: MALFORMED,
  },
  {
    name: 'alg none',
    path: '/protected',
    headers: bearer(
      `${b64('{"alg":"none"}')}.${b64(JSON.stringify({ sub: 'x', exp: NOW + 60 }))}.`,
    ),
    expect: ALG,
  },
  {
    name: 'alg not in the allow-list',
    path: '/protected',
    headers: bearer(hs256({}, { alg: 'HS512' })),
    expect: ALG,
  },
  {
    name: 'signature by another key',
    path: '/protected',
    headers: bearer(hs256({}, {}, OTHER_SECRET)),
    expect: SIGNATURE,
  },
  {
    name: 'unsupported crit header',
    path: '/protected',
    headers: bearer(hs256({}, { crit: ['exp'] })),
    expect: invalidToken(
      'ERR_JWT_CRIT_UNSUPPORTED',
      'The access token uses an unsupported critical header',
    ),
  },
  {
    name: 'exp of the wrong type',
    path: '/protected',
    headers: bearer(hs256({ exp: String(NOW + 60) })),
    expect: CLAIM,
  },
  {
    name: 'exp missing',
    path: '/protected',
    headers: bearer(hs256({ exp: undefined })),
    expect: CLAIM,
  },
  {
    name: 'expired token',
    path: '/protected',
    headers: bearer(hs256({ exp: NOW - 1 })),
    expect: invalidToken('ERR_JWT_EXPIRED', 'The access token expired'),
  },
  {
    name: 'token not yet valid',
    path: '/protected',
    headers: bearer(hs256({ nbf: NOW + 600 })),
    expect: invalidToken('ERR_JWT_NOT_YET_VALID', 'The access token is not valid yet'),
  },
  {
    name: 'wrong issuer',
    path: '/protected',
    headers: bearer(hs256({ iss: 'https://evil.example/' })),
    expect: invalidToken('ERR_JWT_ISSUER_MISMATCH', 'The access token issuer is not accepted'),
  },
  {
    name: 'wrong audience',
    path: '/protected',
    headers: bearer(hs256({ aud: 'another-api' })),
    expect: invalidToken('ERR_JWT_AUDIENCE_MISMATCH', 'The access token audience is not accepted'),
  },
  {
    name: 'wrong typ',
    path: '/protected',
    headers: bearer(hs256({}, { typ: 'JWT' })),
    expect: invalidToken('ERR_JWT_TYPE_MISMATCH', 'The access token type is not accepted'),
  },
  {
    name: 'revoked token',
    path: '/protected',
    headers: bearer(hs256({ jti: REVOKED_JTI })),
    expect: invalidToken('ERR_JWT_REVOKED', 'The access token was revoked'),
  },
  {
    name: 'kid with quotes and CR/LF (header stays clean)',
    path: '/protected',
    headers: bearer(hs256({}, { kid: HOSTILE_KID }, OTHER_SECRET)),
    expect: SIGNATURE,
  },
  {
    name: 'resolver finds no key for the kid',
    profile: 'resolver',
    path: '/protected',
    headers: bearer(hs256({}, { kid: 'unknown' })),
    expect: NO_KEY,
  },
  {
    name: 'resolver key unusable for the alg',
    profile: 'resolver',
    path: '/protected',
    headers: bearer(hs256({}, { kid: 'short' })),
    expect: invalidToken('ERR_JWT_KEY_INVALID', 'The key for the access token is not usable'),
  },
  {
    name: 'revocation store down (fail closed)',
    profile: 'store-down',
    path: '/protected',
    headers: bearer(USER),
    expect: unavailable(
      'ERR_REVOCATION_UNAVAILABLE',
      'The revocation store is temporarily unavailable',
      '5',
    ),
  },

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

  // Authorization.
  { name: 'role admin present', path: '/admin', headers: bearer(ADMIN), expect: ok('admin-1') },
  {
    name: 'role admin missing (403 with scope)',
    path: '/admin',
    headers: bearer(USER),
    expect: insufficient('admin'),
  },
  {
    name: 'any-of roles satisfied by one',
    path: '/staff',
    headers: bearer(EDITOR),
    expect: ok('editor-1'),
  },
  {
    name: 'any-of roles, none present',
    path: '/staff',
    headers: bearer(USER),
    expect: insufficient('admin editor'),
  },
  { name: 'scope present', path: '/reports', headers: bearer(REPORTER), expect: ok('reporter-1') },
  {
    name: 'scope missing (403 with scope)',
    path: '/reports',
    headers: bearer(USER),
    expect: insufficient('read:reports'),
  },
  {
    name: 'claims predicate holds',
    path: '/verified',
    headers: bearer(VERIFIED),
    expect: ok('verified-1'),
  },
  {
    name: 'claims predicate fails',
    path: '/verified',
    headers: bearer(USER),
    expect: insufficient(),
  },

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
