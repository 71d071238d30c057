import { generateSecret } from '@tokenward/core';

/** The example's settings (DESIGN §8): every one has a default, so `pnpm start` just works. */
export interface ExampleConfig {
  port: number;
  /** HS256 secret; a random 32 bytes per start when `JWT_SECRET` is unset. */
  secret: string | Uint8Array;
  issuer: string;
  audience: string;
  /** Redis URL for a shared revocation store; unset means an in-memory store. */
  redisUrl: string | undefined;
}

/** Reads the example's environment variables. */
export function readConfig(env: NodeJS.ProcessEnv): ExampleConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('PORT must be a port number');
  return {
    port,
    secret: env.JWT_SECRET || generateSecret('HS256'),
    issuer: env.JWT_ISSUER || 'tokenward-example',
    audience: env.JWT_AUDIENCE || 'tokenward-example-api',
    redisUrl: env.REDIS_URL || undefined,
  };
}

/** Lifetime of the tokens the example issues (`expires_in`). */
export const TOKEN_LIFETIME_SECONDS = 900;
