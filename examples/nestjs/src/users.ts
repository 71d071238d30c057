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
    String(password ?? ''),
    Buffer.from(salt, 'base64url'),
    expected.length,
  );
  const matches = timingSafeEqual(actual, expected);
  if (!matches || user === undefined || typeof password !== 'string') return undefined;
  return { username: user.username, roles: [...user.roles] };
}
