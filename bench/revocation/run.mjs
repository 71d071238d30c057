// pnpm --filter @tokenward/bench revocation — requests/s of one Express app with the memory
// store, the Redis store and the Redis store with its local mirror, side by side in one run:
// interleaved rounds, median per setup (the machine is shared). Each server runs in its own
// process; autocannon loads it from this one, on 127.0.0.1 only.
// Env: REDIS_URL, REVOCATION_BENCH_SECONDS (per round, default 2), REVOCATION_BENCH_ROUNDS
// (default 7), REVOCATION_BENCH_CONNECTIONS (default 10), REVOCATION_BENCH_PRELOADED (10000).
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryRevocationStore } from '@tokenward/core';
import { RedisRevocationStore } from '@tokenward/redis';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { ISSUER, PRELOADED, REDIS_URL, SCENARIOS, preloaded, sign } from './shared.mjs';

const SECONDS = Number(process.env.REVOCATION_BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.REVOCATION_BENCH_ROUNDS ?? 7);
const CONNECTIONS = Number(process.env.REVOCATION_BENCH_CONNECTIONS ?? 10);
const here = dirname(fileURLToPath(import.meta.url));

function startServer(id, material) {
  const child = fork(join(here, 'server.mjs'), [id], {
    env: { ...process.env, NODE_ENV: 'production', REVOCATION_BENCH: JSON.stringify(material) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.once('message', ({ port }) =>
      resolve({ url: `http://127.0.0.1:${port}/`, stop: () => (child.kill('SIGTERM'), exited) }),
    );
    child.once('exit', (code) => reject(new Error(`${id}: server exited (${code})`)));
  });
}

async function expectStatus(url, token, status) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== status) throw new Error(`${url}: expected ${status}, got ${res.status}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

// isRevoked alone, in this process: the part of a request the store decides.
async function lookups(prefix, claims) {
  const memory = new MemoryRevocationStore();
  for (const { kind, value } of preloaded(claims.iat)) {
    await (kind === 'token' ? memory.revoke(value) : memory.revokeSubject(value));
  }
  const client = new Redis(REDIS_URL);
  const direct = new RedisRevocationStore({ client, prefix });
  const mirrored = new RedisRevocationStore({ client, prefix, mirror: true });
  await mirrored.ready();
  const rate = async (store, ms) => {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < ms) {
      for (let i = 0; i < 100; i += 1) await store.isRevoked(claims);
      n += 100;
    }
    return n / ((performance.now() - start) / 1000);
  };
  const runs = { memory: [], redis: [], mirror: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    runs.memory.push(await rate(memory, 500));
    runs.redis.push(await rate(direct, 500));
    runs.mirror.push(await rate(mirrored, 500));
  }
  const m = median(runs.memory);
  console.log('\nisRevoked alone (in-process, sequential awaits, median of rounds):');
  for (const [name, values] of Object.entries(runs)) {
    console.log(
      `  ${name}: ${fmt(median(values))} calls/s (${(median(values) / m).toFixed(2)}× memory)`,
    );
  }
  memory.close();
  await mirrored.close();
  client.disconnect();
}

async function main() {
  console.log('# tokenward bench:revocation');
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs`,
  );
  console.log(
    `Express 5 + @tokenward/express, HS256; ${PRELOADED} revoked tokens + 100 subject rules preloaded; ` +
      `${ROUNDS} interleaved rounds × ${SECONDS} s per setup, ${CONNECTIONS} connections, Redis ${REDIS_URL}\n`,
  );
  const now = Math.floor(Date.now() / 1000);
  const secret = randomBytes(32);
  const prefix = `tokenward-bench:revocation:${process.pid}:`;
  const admin = new Redis(REDIS_URL);
  const seeder = new RedisRevocationStore({ client: admin, prefix });
  const servers = [];
  try {
    const pending = [];
    for (const { kind, value } of preloaded(now)) {
      pending.push(kind === 'token' ? seeder.revoke(value) : seeder.revokeSubject(value));
      if (pending.length >= 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const claims = { iss: ISSUER, sub: 'bench-user', jti: randomUUID(), iat: now, exp: now + 3600 };
    const token = sign(secret, claims);
    const revoked = sign(secret, { ...claims, jti: 'revoked-42' });
    const material = { secret: secret.toString('base64'), prefix, now };
    for (const s of SCENARIOS) {
      const server = await startServer(s.id, material);
      servers.push({ ...s, ...server, rps: [], p99: [] });
      await expectStatus(server.url, token, 200); // sanity: the checks are on
      await expectStatus(server.url, revoked, 401);
      await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: 1,
        headers: { authorization: `Bearer ${token}` },
      });
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order each round, so a drift of the shared machine's load favours no setup.
      for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
        const r = await autocannon({
          url: s.url,
          connections: CONNECTIONS,
          duration: SECONDS,
          headers: { authorization: `Bearer ${token}` },
        });
        if (r.non2xx || r.errors || r.timeouts)
          throw new Error(`${s.id}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        s.rps.push(r.requests.average);
        s.p99.push(r.latency.p99);
      }
    }
    // Ratios are taken per round (the two runs were seconds apart), then the median.
    const vsMemory = (s) => median(s.rps.map((rps, i) => rps / servers[0].rps[i]));
    console.log(
      '| setup | req/s (median) | rounds | p99 ms | vs memory (median of per-round ratios) |',
    );
    console.log('|---|---:|---|---:|---:|');
    for (const s of servers) {
      console.log(
        `| ${s.label} | ${fmt(median(s.rps))} | ${s.rps.map(fmt).join(' / ')} | ${median(s.p99)} | ${vsMemory(s).toFixed(2)}× |`,
      );
    }
    const mirror = vsMemory(servers[2]);
    console.log(
      `\nmirror / memory = ${mirror.toFixed(2)}× (target ≥ 0.90×): ${mirror >= 0.9 ? 'met' : 'NOT met'}`,
    );
    await lookups(prefix, claims);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await admin.del(...keys);
    } while (cursor !== '0');
    await seeder.close();
    admin.disconnect();
  }
}

await main();
