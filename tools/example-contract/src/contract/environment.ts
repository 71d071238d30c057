// The environment variables of DESIGN.md §8, seen over HTTP: JWT_ISSUER / JWT_AUDIENCE, and
// REDIS_URL shared by two instances (the fleet case).
import request from 'supertest';
import { getWithToken, tokenFor } from '../client.js';
import { TEST_REDIS_URL, type StartExample } from '../running-example.js';

/**
 * Registers the environment tests; each starts its own instances.
 *
 * @param start - starts one instance of the example
 * @example
 * ```ts
 * environmentContract(start);
 * ```
 */
export function environmentContract(start: StartExample): void {
  test('JWT_ISSUER and JWT_AUDIENCE are honoured', async () => {
    const app = await start({ JWT_ISSUER: 'iss-x', JWT_AUDIENCE: 'aud-y' });
    try {
      const me = await getWithToken(app.baseUrl, '/me', await tokenFor(app.baseUrl, 'bob'));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ iss: 'iss-x', aud: 'aud-y' });
    } finally {
      await app.close();
    }
  });

  test('REDIS_URL puts revocations in Redis: a logout holds across two app instances', async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      JWT_SECRET: 'an example secret of at least 32 bytes!',
    };
    const [first, second] = await Promise.all([start(env), start(env)]);
    try {
      const token = await tokenFor(first.baseUrl, 'alice');
      expect((await getWithToken(second.baseUrl, '/me', token)).status).toBe(200);
      const out = await request(first.baseUrl)
        .post('/auth/logout')
        .set('Authorization', `Bearer ${token}`);
      expect(out.status).toBe(204);
      const replay = await getWithToken(second.baseUrl, '/me', token);
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('ERR_JWT_REVOKED');
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
}
