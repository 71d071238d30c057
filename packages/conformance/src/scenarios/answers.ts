// The expected answers, spelled out literally: the table states what every adapter must send.
import { REALM } from '../fixtures.js';
import type { Expectation } from '../scenario.js';

export const ok = (sub: string | null): Expectation => ({
  status: 200,
  challenge: null,
  body: { sub },
});

export const MISSING: Expectation = {
  status: 401,
  challenge: `Bearer realm="${REALM}"`,
  body: {
    error: 'unauthorized',
    error_description: 'No access token was provided',
    code: 'ERR_JWT_MISSING',
  },
};

export const INVALID_REQUEST_TEXT = 'The request carries a malformed or ambiguous access token';
export const INVALID_REQUEST: Expectation = {
  status: 400,
  challenge: `Bearer realm="${REALM}", error="invalid_request", error_description="${INVALID_REQUEST_TEXT}"`,
  body: {
    error: 'invalid_request',
    error_description: INVALID_REQUEST_TEXT,
    code: 'ERR_JWT_INVALID_REQUEST',
  },
};

// A blank Bearer credential (often an unset TOKEN variable in a client script) says so.
export const EMPTY_TOKEN_TEXT = 'The request carries an empty token after Bearer';
export const EMPTY_TOKEN: Expectation = {
  status: 400,
  challenge: `Bearer realm="${REALM}", error="invalid_request", error_description="${EMPTY_TOKEN_TEXT}"`,
  body: {
    error: 'invalid_request',
    error_description: EMPTY_TOKEN_TEXT,
    code: 'ERR_JWT_INVALID_REQUEST',
  },
};

export const invalidToken = (code: string, text: string): Expectation => ({
  status: 401,
  challenge: `Bearer realm="${REALM}", error="invalid_token", error_description="${text}"`,
  body: { error: 'invalid_token', error_description: text, code },
});

export const SCOPE_TEXT = 'The access token does not grant the required scope';
export const insufficient = (scope?: string): Expectation => ({
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

export const unavailable = (code: string, text: string, retryAfter: string): Expectation => ({
  status: 503,
  challenge: null,
  retryAfter,
  body: { error: 'temporarily_unavailable', error_description: text, code },
});

export const MALFORMED = invalidToken('ERR_JWT_MALFORMED', 'The access token is malformed');
export const ALG = invalidToken(
  'ERR_JWT_ALG_NOT_ALLOWED',
  'The access token algorithm is not allowed',
);
export const SIGNATURE = invalidToken(
  'ERR_JWT_SIGNATURE_INVALID',
  'The access token signature is invalid',
);
export const NO_KEY = invalidToken('ERR_JWT_KEY_NOT_FOUND', 'No key is known for the access token');
export const CLAIM = invalidToken('ERR_JWT_CLAIM_INVALID', 'The access token has an invalid claim');
