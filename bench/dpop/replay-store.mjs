// The memory replay store at steady state: proofs arrive at a fixed rate, each id is held for
// its window and then expires, so the store holds rate × window ids and every write meets
// expired ones. CPU µs per write after the store has filled (the first window is not timed).
// Run: pnpm --filter @tokenward/bench dpop:store (builds core first).
import { createHash } from 'node:crypto';
import { MemoryReplayStore } from '@tokenward/core';

const WINDOW_MS = 60_000;
// Proofs per second; ids held at steady state = rate × 60.
const RATES = (process.env.STORE_BENCH_RATES ?? '500,2000').split(',').map(Number);

for (const rate of RATES) {
  const held = rate * (WINDOW_MS / 1000);
  const total = held * 3;
  // Ids as the authenticator makes them (base64url SHA-256), made before the timing.
  const ids = Array.from({ length: total }, (_, i) =>
    createHash('sha256').update(`key.${i}`).digest('base64url'),
  );
  const store = new MemoryReplayStore({ max: held * 2 });
  globalThis.gc?.();
  let start = 0n;
  for (let i = 0; i < total; i++) {
    if (i === held) {
      const { user, system } = process.cpuUsage();
      start = BigInt(user + system);
    }
    const now = (i * 1000) / rate;
    if (store.markUsed(ids[i], now + WINDOW_MS, now) !== true) throw new Error('refused');
  }
  const { user, system } = process.cpuUsage();
  const perWrite = Number(BigInt(user + system) - start) / (total - held);
  console.log(`${rate} proofs/s (${held} ids held): ${perWrite.toFixed(2)} µs CPU per write`);
}
