// DPoP (RFC 9449): proofs checked after the token, downgrades refused, RFC 9449 challenges.
import { dpopTestClient } from '@tokenward/test-tokens';
import { NOW, REALM, hs256 } from '../fixtures.js';
import type { Header } from '../lib/send.js';
import type { Expectation, Scenario } from '../scenario.js';
import { ok } from './answers.js';
import { USER, bearer } from './tokens.js';

const client = dpopTestClient();
const BOUND = hs256({ sub: 'dpop-1', cnf: { jkt: client.jkt } });
const ALGS = 'DPoP algs="ES256 EdDSA Ed25519 PS256 RS256"';

// `Authorization: DPoP` with a proof made now (each call a new jti) for `htu`.
const dpop =
  (token: string, path: string, htu?: (origin: string) => string) =>
  (origin: string): Header[] => [
    ['Authorization', `DPoP ${token}`],
    ['DPoP', client.proof('GET', htu?.(origin) ?? `${origin}${path}`, { token, iat: NOW })],
  ];

const refused = (code: string, error: string, text: string, challenge: string): Expectation => ({
  status: 401,
  challenge,
  body: { error, error_description: text, code },
});
const PROOF_TEXT = 'The DPoP proof is invalid';
const BINDING_TEXT = 'The access token is not bound to the proof of possession sent';
const proofInvalid = refused(
  'ERR_DPOP_PROOF_INVALID',
  'invalid_dpop_proof',
  PROOF_TEXT,
  `${ALGS}, error="invalid_dpop_proof", error_description="${PROOF_TEXT}", Bearer realm="${REALM}"`,
);

/** Rows for the `dpop` option. */
export const DPOP: readonly Scenario[] = [
  {
    name: 'DPoP: bound token with a fresh proof',
    profile: 'dpop',
    path: '/protected',
    headers: dpop(BOUND, '/protected'),
    expect: ok('dpop-1'),
  },
  {
    name: 'DPoP: unbound Bearer token accepted in allowed mode',
    profile: 'dpop',
    path: '/protected',
    headers: bearer(USER),
    expect: ok('user-1'),
  },
  {
    name: 'DPoP: no credentials, both schemes challenged',
    profile: 'dpop',
    path: '/protected',
    expect: {
      status: 401,
      challenge: `Bearer realm="${REALM}", ${ALGS}`,
      body: {
        error: 'unauthorized',
        error_description: 'No access token was provided',
        code: 'ERR_JWT_MISSING',
      },
    },
  },
  {
    name: 'DPoP: bound token sent as Bearer',
    profile: 'dpop',
    path: '/protected',
    headers: bearer(BOUND),
    expect: refused(
      'ERR_DPOP_BINDING_MISMATCH',
      'invalid_token',
      BINDING_TEXT,
      `Bearer realm="${REALM}", error="invalid_token", error_description="${BINDING_TEXT}", ${ALGS}`,
    ),
  },
  {
    name: 'DPoP: proof for another URL',
    profile: 'dpop',
    path: '/protected',
    headers: dpop(BOUND, '/protected', (origin) => `${origin}/admin`),
    expect: proofInvalid,
  },
  {
    name: 'DPoP: proof with a query in htu',
    profile: 'dpop',
    path: '/protected?x=1',
    headers: dpop(BOUND, '/protected', (origin) => `${origin}/protected?x=1`),
    expect: proofInvalid,
  },
  {
    name: 'DPoP: no proof header',
    profile: 'dpop',
    path: '/protected',
    headers: [['Authorization', `DPoP ${BOUND}`]],
    expect: proofInvalid,
  },
  {
    name: 'DPoP: two DPoP headers',
    profile: 'dpop',
    path: '/protected',
    headers: (origin) => [
      ...dpop(BOUND, '/protected')(origin),
      ...dpop(BOUND, '/protected')(origin).slice(1),
    ],
    expect: proofInvalid,
  },
  {
    name: 'DPoP required: unbound Bearer token',
    profile: 'dpop-required',
    path: '/protected',
    headers: bearer(USER),
    expect: refused(
      'ERR_DPOP_BINDING_MISMATCH',
      'invalid_token',
      BINDING_TEXT,
      `DPoP algs="ES256", error="invalid_token", error_description="${BINDING_TEXT}"`,
    ),
  },
  {
    name: 'DPoP required: bound token with a fresh proof',
    profile: 'dpop-required',
    path: '/protected',
    headers: dpop(BOUND, '/protected'),
    expect: ok('dpop-1'),
  },
];
