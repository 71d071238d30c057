import {
  HOSTILE_KID,
  NOW,
  OTHER_SECRET,
  REVOKED_JTI,
  TYP,
  b64,
  hs256,
  hs256Raw,
} from '../fixtures.js';
import type { Scenario } from '../scenario.js';
import { ALG, CLAIM, MALFORMED, NO_KEY, SIGNATURE, invalidToken, unavailable } from './answers.js';
import { USER, bearer } from './tokens.js';

/** Rows: every token failure family of DESIGN.md §4, a key resolver, a store outage. */
export const TOKEN_FAILURES: readonly Scenario[] = [
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
];
