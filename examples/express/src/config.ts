// Configuration from the environment (DESIGN.md §8): PORT, JWT_SECRET, JWT_ISSUER,
// JWT_AUDIENCE, REDIS_URL.
import { generateSecret, MemoryRevocationStore, type RevocationStore } from '@tokenward/core';
import { RedisRevocationStore } from '@tokenward/redis';
import { Redis } from 'ioredis';

/** What the app needs to run. */
export interface ExampleConfig {
  /** The HS256 secret that signs and verifies tokens. */
  secret: string | Uint8Array;
  /** `iss` of issued tokens, required on incoming ones. */
  issuer: string;
  /** `aud` of issued tokens, required on incoming ones. */
  audience: string;
  /** Where logouts are recorded. */
  revocation: RevocationStore;
  /** Lifetime of issued tokens, in seconds. */
  tokenLifetime: number;
}

/** The configuration of a started process, and how to release what it opened. */
export interface EnvConfig {
  port: number;
  config: ExampleConfig;
  close(): Promise<void>;
}

/**
 * Reads the environment. Without `JWT_SECRET` a random 32-byte secret is made for this run (tokens
 * then die with the process); without `REDIS_URL` logouts live in memory.
 *
 * @param env - the environment, default `process.env`
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('PORT must be a port number');
  let revocation: RevocationStore;
  let close: () => Promise<void>;
  if (env.REDIS_URL) {
    const client = new Redis(env.REDIS_URL);
    // ioredis reports connection failures as 'error' events; the store answers 503 meanwhile.
    client.on('error', (err: Error) => console.error('redis:', err.message));
    const store = new RedisRevocationStore({ client });
    revocation = store;
    close = async () => {
      await store.close();
      await client.quit();
    };
  } else {
    const store = new MemoryRevocationStore();
    revocation = store;
    close = async () => store.close();
  }
  const config: ExampleConfig = {
    secret: env.JWT_SECRET || generateSecret('HS256'),
    issuer: env.JWT_ISSUER || 'tokenward-example',
    audience: env.JWT_AUDIENCE || 'tokenward-example-api',
    revocation,
    tokenLifetime: 900,
  };
  return { port, config, close };
}
