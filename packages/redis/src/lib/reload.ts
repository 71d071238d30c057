import type { Cluster, Redis } from 'ioredis';
import type { RevocationRedisClient } from '../redis-revocation-store-options.js';
import type { KeyLayout } from './key-codec.js';
import type { MirrorTable } from './mirror-table.js';
import { callRedis, unavailable } from './redis-call.js';

const SCAN_COUNT = 1000;

const isCluster = (client: RevocationRedisClient): client is Cluster =>
  (client as { isCluster?: boolean }).isCluster === true;

/**
 * Reads every entry of the store into the mirror: SCAN over the store's keys (on every master of
 * a Cluster, although a store's keys share one slot), then one MGET per batch (one slot, so valid
 * on Cluster). Entries are merged, never replaced: Redis only ever loses entries by expiry, which
 * the mirror applies itself. Each command runs under `timeoutMs`; any failure rejects.
 *
 * @param client - the store's client
 * @param layout - the store's key layout
 * @param table - the mirror to fill
 * @param timeoutMs - deadline per command
 * @example
 * ```ts
 * await reloadMirror(client, layout, table, 200);
 * ```
 */
export async function reloadMirror(
  client: RevocationRedisClient,
  layout: KeyLayout,
  table: MirrorTable,
  timeoutMs: number,
): Promise<void> {
  // ioredis prefixes keys of commands with `keyPrefix`, but not SCAN patterns nor SCAN results.
  const keyPrefix = client.options.keyPrefix ?? '';
  const pattern = layout.scanPattern(keyPrefix);
  const nodes: Redis[] = isCluster(client) ? client.nodes('master') : [client];
  // A Cluster client lists its nodes only once connected: an empty list is not an empty store.
  if (nodes.length === 0 || (isCluster(client) && client.status !== 'ready')) {
    throw unavailable('the Redis Cluster is not ready');
  }
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, found] = await callRedis(node, timeoutMs, () =>
        node.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT),
      );
      cursor = next;
      const keys = found.map((key) => key.slice(keyPrefix.length)).filter(layout.owns);
      if (keys.length === 0) continue;
      const values = await callRedis(client, timeoutMs, () => client.mget(keys));
      const now = Date.now();
      keys.forEach((key, i) => {
        const value = values[i];
        if (typeof value === 'string') table.apply(key, value, now);
      });
    } while (cursor !== '0');
  }
}
