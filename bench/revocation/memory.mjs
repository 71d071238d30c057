// Memory cost per revoked token (realistic entry: issuer URL + UUID jti), for docs/revocation.md:
// MemoryRevocationStore (heap delta), Redis (used_memory delta and MEMORY USAGE per key), and the
// local mirror of RedisRevocationStore (heap delta after its reload). Run with --expose-gc.
// Env: REDIS_URL, REVOCATION_MEMORY_TOKENS (default 100000).
import { randomUUID } from 'node:crypto';
import { MemoryRevocationStore } from '@tokenward/core';
import { RedisRevocationStore } from '@tokenward/redis';
import Redis from 'ioredis';
import { ISSUER, REDIS_URL } from './shared.mjs';

const N = Number(process.env.REVOCATION_MEMORY_TOKENS ?? 100_000);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const usedMemory = async (client) =>
  Number(/used_memory:(\d+)/.exec(await client.info('memory'))[1]);
const perEntry = (bytes) => `${Math.round(bytes / N)} B`;

async function main() {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const tokens = Array.from({ length: N }, () => ({ iss: ISSUER, jti: randomUUID(), exp }));
  console.log(`# memory per revoked token (${N} tokens, iss "${ISSUER}", UUID jti)`);

  let before = heap();
  const memory = new MemoryRevocationStore();
  // Fresh flat jti strings retained by the store only, as JSON.parse of a payload hands them over
  // (randomUUID() itself returns a concatenation, which would inflate the count).
  const flat = (text) => Buffer.from(text).toString('latin1');
  for (let i = 0; i < N; i += 1) await memory.revoke({ iss: ISSUER, jti: flat(randomUUID()), exp });
  console.log(`MemoryRevocationStore heap: ${perEntry(heap() - before)}`);
  memory.close();

  const prefix = `tokenward-bench:memory:${process.pid}:`;
  const client = new Redis(REDIS_URL);
  const writer = new RedisRevocationStore({ client, prefix });
  try {
    const redisBefore = await usedMemory(client);
    for (let i = 0; i < N; i += 500)
      await Promise.all(tokens.slice(i, i + 500).map((t) => writer.revoke(t)));
    const redisAfter = await usedMemory(client);
    const [, sample] = await client.scan('0', 'MATCH', `${prefix}*`, 'COUNT', 1000);
    const usages = await Promise.all(sample.map((key) => client.memory('USAGE', key)));
    const avg = usages.reduce((a, b) => a + b, 0) / usages.length;
    console.log(
      `Redis used_memory: ${perEntry(redisAfter - redisBefore)} (MEMORY USAGE of one key: ${Math.round(avg)} B; key length ${sample[0].length})`,
    );

    before = heap();
    const mirrorClient = new Redis(REDIS_URL);
    const mirrored = new RedisRevocationStore({ client: mirrorClient, prefix, mirror: true });
    await mirrored.ready();
    console.log(`RedisRevocationStore mirror heap: ${perEntry(heap() - before)}`);
    await mirrored.close();
    mirrorClient.disconnect();
  } finally {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await client.del(...keys);
    } while (cursor !== '0');
    await writer.close();
    client.disconnect();
  }
}

await main();
