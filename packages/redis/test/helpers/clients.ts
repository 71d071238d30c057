// Redis connections for a test file, all closed (and the file's keys deleted) in afterAll.
import Redis, { type RedisOptions } from 'ioredis';

/**
 * Returns a connection factory for one test file and registers the cleanup.
 *
 * @param prefix - the file's own key prefix; its keys are deleted after the file
 * @param url - the Redis URL for `open()` without arguments
 * @param beforeClose - e.g. restart a killed server: a client closed while its connection is
 *   dead leaves a 2 s ioredis timer behind, which keeps Jest from exiting
 */
export function redisClients(prefix: string, url: string, beforeClose?: () => Promise<void>) {
  const opened: Redis[] = [];
  const onUrl: Redis[] = [];
  const open = (options: RedisOptions = {}, at: string = url): Redis => {
    const client = new Redis(at, { maxRetriesPerRequest: 1, ...options });
    client.on('error', () => undefined); // outages are provoked on purpose
    opened.push(client);
    if (at === url) onUrl.push(client);
    return client;
  };
  const keys = async (client: Redis, pattern = `${prefix}*`): Promise<string[]> => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found.sort();
  };
  afterAll(async () => {
    if (beforeClose) {
      await beforeClose();
      await waitFor(() => opened.every((c) => c.status === 'ready' || c.status === 'end'), 5000);
    }
    const admin = onUrl.find((c) => c.status === 'ready');
    if (admin) {
      const mine = await keys(admin, `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`);
      if (mine.length > 0) await admin.del(...mine);
    }
    for (const client of opened) client.disconnect();
  });
  // The store's entries only: not its write counter (`<prefix>{tw}:seq`).
  const entries = async (client: Redis, pattern = `${prefix}*`): Promise<string[]> =>
    (await keys(client, pattern)).filter((key) => !key.endsWith('{tw}:seq'));
  return { open, keys, entries };
}

/** Whole seconds since the epoch. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Polls `check` (every ms) until it holds or `deadlineMs` passed; returns the elapsed ms or -1. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  deadlineMs: number,
): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await check()) return performance.now() - start;
    if (performance.now() - start > deadlineMs) return -1;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
