import type { DemoAnswer } from '../http/send.js';
import { algNone, tamperPayload } from '../tokens/forge.js';
import type { Step, StoryState } from './step.js';

const NEEDS_BOB = 'no token for bob: the login step failed';

function tokenOf(answer: DemoAnswer): string | undefined {
  const body = answer.body as { access_token?: unknown } | undefined;
  return typeof body?.access_token === 'string' ? body.access_token : undefined;
}

function login(who: 'alice' | 'bob'): Step {
  return {
    title: `${who === 'bob' ? 'Bob' : 'Alice'} logs in`,
    request: () => ({
      method: 'POST',
      path: '/auth/login',
      json: { username: who, password: `${who}-password` },
    }),
    expect: { status: 200 },
    after: (answer, state: StoryState) => {
      state[who] = tokenOf(answer);
    },
  };
}

/**
 * The story of a token, in order. Every step names the answer it expects; the demo succeeds only
 * when all of them got it.
 *
 * @example
 * ```ts
 * for (const step of STORY) console.log(step.title);
 * ```
 */
export const STORY: readonly Step[] = [
  {
    title: 'Anyone can read a public route',
    request: () => ({ method: 'GET', path: '/public' }),
    expect: { status: 200 },
  },
  {
    title: 'Bob logs in with a wrong password',
    request: () => ({
      method: 'POST',
      path: '/auth/login',
      json: { username: 'bob', password: 'guess' },
    }),
    expect: { status: 401 },
  },
  {
    ...login('bob'),
    after: (answer, state, kit, printer) => {
      state.bob = tokenOf(answer);
      if (state.bob === undefined) return;
      const { header, payload } = kit.decode(state.bob);
      printer.note('The token is base64url, not encrypted. Anyone who holds it can read it');
      printer.note('(decoded here with decodeUnverified from @tokenward/core, no key needed):');
      printer.value('header', header);
      printer.value('payload', payload);
      printer.note(
        'So never put a secret in a JWT payload. The signature only proves who wrote it.',
      );
    },
  },
  {
    title: 'Bob reads /me with his token',
    request: (s) =>
      s.bob === undefined ? NEEDS_BOB : { method: 'GET', path: '/me', token: s.bob },
    expect: { status: 200 },
  },
  {
    title: 'Bob tries /admin',
    notes: ['He is authenticated but lacks the admin role: 403, not 401.'],
    request: (s) =>
      s.bob === undefined ? NEEDS_BOB : { method: 'GET', path: '/admin', token: s.bob },
    expect: { status: 403, code: 'ERR_JWT_INSUFFICIENT_SCOPE' },
  },
  {
    title: 'Bob edits his payload to add the admin role',
    notes: ['The payload is readable, so it is editable, but the signature no longer matches it.'],
    request: (s) =>
      s.bob === undefined
        ? NEEDS_BOB
        : {
            method: 'GET',
            path: '/admin',
            token: tamperPayload(s.bob, { roles: ['admin', 'user'] }),
          },
    expect: { status: 401, code: 'ERR_JWT_SIGNATURE_INVALID' },
  },
  {
    title: 'Bob drops the signature and says alg "none"',
    notes: ['An unsecured token: tokenward never accepts "none", whatever the configuration.'],
    request: (s) =>
      s.bob === undefined
        ? NEEDS_BOB
        : { method: 'GET', path: '/admin', token: algNone(s.bob, { roles: ['admin', 'user'] }) },
    expect: { status: 401, code: 'ERR_JWT_ALG_NOT_ALLOWED' },
  },
  {
    title: 'An expired token, signed with the server’s real secret',
    notes: ['Everything is right except the time: exp was an hour ago.'],
    request: async (_s, kit) => ({
      method: 'GET',
      path: '/me',
      token: await kit.signExpired({ sub: 'bob', roles: ['user'] }),
    }),
    expect: { status: 401, code: 'ERR_JWT_EXPIRED' },
  },
  {
    title: 'Bob logs out',
    notes: ['The app revokes this token by its jti (memory store here, Redis in a fleet).'],
    request: (s) =>
      s.bob === undefined ? NEEDS_BOB : { method: 'POST', path: '/auth/logout', token: s.bob },
    expect: { status: 204 },
  },
  {
    title: 'Someone replays Bob’s token after the logout',
    notes: ['The token is still well signed and unexpired, yet it is refused.'],
    request: (s) =>
      s.bob === undefined ? NEEDS_BOB : { method: 'GET', path: '/me', token: s.bob },
    expect: { status: 401, code: 'ERR_JWT_REVOKED' },
  },
  login('alice'),
  {
    title: 'Alice reaches /admin',
    request: (s) =>
      s.alice === undefined
        ? 'no token for alice: her login failed'
        : { method: 'GET', path: '/admin', token: s.alice },
    expect: { status: 200 },
  },
];
