// Throughput of verify functions over a pool of tokens, bounded in time. Libraries are measured
// in interleaved rounds (A B C …, A B C …) and the median round is reported, so a burst of load
// from other processes on the machine hits every library alike. Rates are per second of process
// CPU time (user + system, all threads: jose's WebCrypto work on the thread pool counts too), which
// other processes competing for the cores barely affect; BENCH_CLOCK=wall switches to wall time.
const BATCH = 200;
const WALL = process.env.BENCH_CLOCK === 'wall';

function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function loop(fn, isAsync, tokens, seconds) {
  const mask = tokens.length - 1; // pool sizes are powers of two
  let n = 0;
  const cpuStart = cpuSeconds();
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    if (isAsync) for (let i = 0; i < BATCH; i++) await fn(tokens[(n + i) & mask]);
    else for (let i = 0; i < BATCH; i++) fn(tokens[(n + i) & mask]);
    n += BATCH;
    now = process.hrtime.bigint();
  }
  return WALL ? (n * 1e9) / Number(now - start) : n / (cpuSeconds() - cpuStart);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Measures every verifier `{ name, verify, isAsync }` for about `seconds` each (after a warm-up),
 * in `rounds` interleaved slices; returns `{ [name]: median ops/s }`.
 */
export async function measureAll(verifiers, { tokens, seconds, rounds = 5 }) {
  const slice = seconds / rounds;
  for (const v of verifiers) await loop(v.verify, v.isAsync, tokens, Math.min(0.3, slice));
  const samples = Object.fromEntries(verifiers.map((v) => [v.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const v of verifiers) samples[v.name].push(await loop(v.verify, v.isAsync, tokens, slice));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median(s)]));
}
