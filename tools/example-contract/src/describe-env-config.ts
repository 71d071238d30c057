import { MemoryRevocationStore } from '@tokenward/core';
import { TEST_REDIS_URL } from './running-example.js';

/** What `configFromEnv` of the Express and Koa examples answers (their `src/config.ts`). */
export interface EnvConfigShape {
  port: number;
  config: { secret: string | Uint8Array; issuer: string; audience: string; revocation: unknown };
  close(): Promise<void>;
}

/**
 * Registers the unit tests of an example's `configFromEnv(env)`: the defaults of DESIGN.md §8,
 * the variables honoured, a bad PORT refused, REDIS_URL choosing a store that is not in memory.
 *
 * @param configFromEnv - the example's reader of the environment
 * @example
 * ```ts
 * describeEnvConfig(configFromEnv);
 * ```
 */
export function describeEnvConfig(configFromEnv: (env: NodeJS.ProcessEnv) => EnvConfigShape) {
  describe('configFromEnv', () => {
    test('defaults: port 3000, a random 32-byte secret per start, the example issuer and audience', async () => {
      const a = configFromEnv({});
      const b = configFromEnv({});
      try {
        expect(a.port).toBe(3000);
        expect(a.config.issuer).toBe('tokenward-example');
        expect(a.config.audience).toBe('tokenward-example-api');
        expect(Buffer.from(a.config.secret).length).toBe(32);
        expect(Buffer.from(a.config.secret).equals(Buffer.from(b.config.secret))).toBe(false);
        expect(a.config.revocation).toBeInstanceOf(MemoryRevocationStore);
      } finally {
        await a.close();
        await b.close();
      }
    });

    test('PORT, JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE are honoured', async () => {
      const env = configFromEnv({
        PORT: '4100',
        JWT_SECRET: 'an example secret of at least 32 bytes!',
        JWT_ISSUER: 'me',
        JWT_AUDIENCE: 'you',
      });
      try {
        expect(env.port).toBe(4100);
        expect(env.config).toMatchObject({
          secret: 'an example secret of at least 32 bytes!',
          issuer: 'me',
          audience: 'you',
        });
      } finally {
        await env.close();
      }
      expect(() => configFromEnv({ PORT: 'eighty' })).toThrow('PORT');
    });

    test('REDIS_URL chooses a store that is not in memory', async () => {
      const env = configFromEnv({ REDIS_URL: TEST_REDIS_URL });
      try {
        expect(env.config.revocation).not.toBeInstanceOf(MemoryRevocationStore);
      } finally {
        await env.close();
      }
    });
  });
}
