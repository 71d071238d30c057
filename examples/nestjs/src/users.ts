import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

interface StoredUser {
  username: string;
  roles: string[];
  salt: Buffer;
  hash: Buffer;
}

/** A demo user directory: passwords are only kept as scrypt hashes. */
export class Users {
  private constructor(private readonly users: Map<string, StoredUser>) {}

  /** The two demo users of the HTTP contract, hashed at startup with random salts. */
  static async demo(): Promise<Users> {
    const entries: [string, string, string[]][] = [
      ['alice', 'alice-password', ['admin', 'user']],
      ['bob', 'bob-password', ['user']],
    ];
    const users = new Map<string, StoredUser>();
    for (const [username, password, roles] of entries) {
      const salt = randomBytes(16);
      users.set(username, { username, roles, salt, hash: await scryptAsync(password, salt, 32) });
    }
    return new Users(users);
  }

  /** The user's roles when the password matches, else `undefined`. */
  async check(
    username: unknown,
    password: unknown,
  ): Promise<{ username: string; roles: string[] } | undefined> {
    if (typeof username !== 'string' || typeof password !== 'string') return undefined;
    const user = this.users.get(username);
    // Hash even for unknown users, so response time does not reveal which names exist.
    const salt = user?.salt ?? randomBytes(16);
    const hash = await scryptAsync(password, salt, 32);
    if (!user || !timingSafeEqual(hash, user.hash)) return undefined;
    return { username: user.username, roles: [...user.roles] };
  }
}
