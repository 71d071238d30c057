// Throughput of one verify function over a pool of tokens, bounded in time.
const BATCH = 200;

async function loop(fn, isAsync, tokens, seconds) {
  const mask = tokens.length - 1; // pool sizes are powers of two
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    if (isAsync) for (let i = 0; i < BATCH; i++) await fn(tokens[(n + i) & mask]);
    else for (let i = 0; i < BATCH; i++) fn(tokens[(n + i) & mask]);
    n += BATCH;
    now = process.hrtime.bigint();
  }
  return (n * 1e9) / Number(now - start);
}

/** Warms up, then measures ops/s for `seconds`. `fn` may return a promise (isAsync). */
export async function measure(fn, { isAsync, tokens, seconds }) {
  await loop(fn, isAsync, tokens, Math.min(0.3, seconds / 3));
  return loop(fn, isAsync, tokens, seconds);
}
