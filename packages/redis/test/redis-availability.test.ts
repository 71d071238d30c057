// The one place that reports whether the Redis suite runs: one line when it is skipped on a
// developer machine, a failure under CI=true.
import { IN_CI, REDIS_SERVER_BINARY, REDIS_UP, REDIS_URL, SKIP_LINE } from './helpers/redis-env.js';

if (SKIP_LINE !== undefined && !IN_CI) process.stderr.write(`${SKIP_LINE}\n`);

describe('Redis suite prerequisites', () => {
  (REDIS_UP || IN_CI ? it : it.skip)(`Redis answers PING at ${REDIS_URL}`, () => {
    expect(REDIS_UP).toBe(true);
  });

  (REDIS_SERVER_BINARY || IN_CI ? it : it.skip)('a redis-server binary is on PATH', () => {
    expect(REDIS_SERVER_BINARY).toBe(true);
  });
});
