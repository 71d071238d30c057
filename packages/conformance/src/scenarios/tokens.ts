// Tokens and header lines shared by the rows.
import { COOKIE, hs256 } from '../fixtures.js';
import type { Header } from '../lib/send.js';

export const USER = hs256();
export const ADMIN = hs256({ sub: 'admin-1', roles: ['admin', 'user'] });
export const EDITOR = hs256({ sub: 'editor-1', roles: ['editor'] });
export const REPORTER = hs256({ sub: 'reporter-1', scope: 'read:profile read:reports' });
export const VERIFIED = hs256({ sub: 'verified-1', email_verified: true });
export const COOKIE_USER = hs256({ sub: 'cookie-1' });

export const bearer = (token: string): Header[] => [['Authorization', `Bearer ${token}`]];
export const cookie = (token: string): Header[] => [['Cookie', `theme=dark; ${COOKIE}=${token}`]];
