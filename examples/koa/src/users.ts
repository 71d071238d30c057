// The demo user database. Passwords are stored only as scrypt hashes ("scrypt$salt$hash",
// base64url, Node's default scrypt cost), as a real app would keep them.
import { scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

/** A user of the demo. */
export interface User {
  username: string;
  roles: string[];
}

const USERS = new Map<string, User & { passwordHash: string }>([
  [
    'alice',
    {
      username: 'alice',
      roles: ['admin', 'user'],
      passwordHash: 'scrypt$mF0aPkBEM4C9x2n7DuW7yg$l85UHQ8lovC7kB2yFsvVsq_JYj71flPO3oTvUY4VR1A',
    },
  ],
  [
    'bob',
    {
      username: 'bob',
      roles: ['user'],
      passwordHash: 'scrypt$UUOVbKUR4Kupve0KfWxDwQ$IRYzy6xkihInpjFzXMkrmB3TBaxxJZ5zXsrzICdUgMg',
    },
  ],
]);

// Unknown users are checked against this hash too, so both failures take the same time.
const NOBODY = 'scrypt$rjGSGVgf_4e9yZNzBa465w$D35flrGnH-ucLYnd0XoxoMgu6fu0-ZSds84Yln2DqRw';

/** What a login request must send. */
export interface Credentials {
  username: string;
  password: string;
}

/** The answer to a login body that is not {@link Credentials}: 400, in the app's error shape. */
export const INVALID_LOGIN_BODY = Object.freeze({
  error: 'invalid_request',
  error_description: 'The body must be a JSON object with a string username and password',
});

/**
 * The credentials of a login body, or `undefined` unless it is an object whose `username` and
 * `password` are strings. Checked before anything touches the values: a client can send any JSON.
 *
 * @param body - the parsed request body (any type)
 */
export function readCredentials(body: unknown): Credentials | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { username, password } = body as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string') return undefined;
  return { username, password };
}

/**
 * The user with these credentials, or `undefined` for an unknown user or a wrong password.
 *
 * @param username - as sent by the client (any type)
 * @param password - as sent by the client (any type)
 */
export async function checkPassword(
  username: unknown,
  password: unknown,
): Promise<User | undefined> {
  const user = typeof username === 'string' ? USERS.get(username) : undefined;
  const [, salt = '', hash = ''] = (user?.passwordHash ?? NOBODY).split('$');
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(
    typeof password === 'string' ? password : '',
    Buffer.from(salt, 'base64url'),
    expected.length,
  );
  const matches = timingSafeEqual(actual, expected);
  if (!matches || user === undefined || typeof password !== 'string') return undefined;
  return { username: user.username, roles: [...user.roles] };
}
