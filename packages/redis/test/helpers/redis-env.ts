// Where the Redis suite finds Redis, and whether it runs: a missing Redis skips the suite on a
// developer machine (one line printed by redis-availability.test.ts) and fails it under CI=true.
import { execFileSync } from 'node:child_process';

/** The Redis the suite uses. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether missing Redis must fail the run instead of skipping it. */
export const IN_CI = process.env.CI === 'true';

const PING = `
const Redis = require(process.argv[1]);
const r = new Redis(process.argv[2], { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null });
r.on('error', () => {});
r.connect().then(() => r.ping()).then(() => process.exit(0), () => process.exit(1));
`;

function probe(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** Whether Redis answers PING at REDIS_URL (checked once per test file, synchronously). */
export const REDIS_UP = probe(process.execPath, [
  '-e',
  PING,
  require.resolve('ioredis'),
  REDIS_URL,
]);

/** Whether a `redis-server` binary is on PATH (the outage tests start their own server). */
export const REDIS_SERVER_BINARY = probe('redis-server', ['--version']);

/** The one line printed when (part of) the suite is skipped, or undefined when all can run. */
export const SKIP_LINE: string | undefined =
  REDIS_UP && REDIS_SERVER_BINARY
    ? undefined
    : '@tokenward/redis: Redis suite SKIPPED (' +
      [
        REDIS_UP ? '' : `no Redis answered at ${REDIS_URL}`,
        REDIS_SERVER_BINARY ? '' : 'no redis-server binary on PATH for the outage tests',
      ]
        .filter(Boolean)
        .join('; ') +
      '). To run it: start Redis (`redis-server --save "" --appendonly no`) or set REDIS_URL, with redis-server on PATH; under CI=true this fails instead.';

/**
 * `describe` when `ready`, `describe.skip` on a developer machine without Redis, and under
 * CI=true a describe whose only test fails with the reason.
 *
 * @param ready - whether what the block needs is there
 * @param what - what is missing, for the CI failure
 */
export function describeIf(ready: boolean, what: string): jest.Describe {
  if (ready) return describe;
  if (!IN_CI) return describe.skip;
  return ((name: string) =>
    describe(name, () => {
      it('has what it needs', () => {
        throw new Error(`CI=true and ${what} is missing: the Redis suite must run in CI`);
      });
    })) as unknown as jest.Describe;
}

/** `describe` for blocks that need the Redis at REDIS_URL. */
export const describeRedis = describeIf(REDIS_UP, `Redis at ${REDIS_URL}`);

/** `describe` for blocks that start their own `redis-server`. */
export const describeRedisServer = describeIf(REDIS_SERVER_BINARY, 'the redis-server binary');
