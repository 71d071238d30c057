import type { Scenario } from '../scenario.js';
import { insufficient, ok } from './answers.js';
import { ADMIN, EDITOR, REPORTER, USER, VERIFIED, bearer } from './tokens.js';

/** Rows: role, scope and claims guards (403 with scope). */
export const AUTHORIZATION: readonly Scenario[] = [
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
];
