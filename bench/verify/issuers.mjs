// pnpm bench:issuers — verify throughput with `issuers` (2 and 100 trusted issuers) against one
// issuer, same algorithm, as ratios; then the heap held after a flood of 10,000 distinct tenants.
// Env: BENCH_SECONDS (per case, default 1), BENCH_ROUNDS (interleaved slices, default 5),
// BENCH_ALGS (default "HS256,ES256"). Run with --expose-gc.
import { availableParallelism, cpus } from 'node:os';
import { createVerifier } from '@tokenward/core';
import { measureAll } from './measure.mjs';
import { AUDIENCE, ISSUER, makeKeys, makeToken } from './tokens.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ALGS = process.env.BENCH_ALGS?.split(',') ?? ['HS256', 'ES256'];
const POOL = 256; // distinct tokens, spread over the issuers (power of two)
const FLOOD = 10_000;

const keyOf = (keys) => (keys.spec.family === 'HMAC' ? keys.secret : keys.publicKey);
const issuerName = (i) => (i === 0 ? ISSUER : `https://tenant-${i}.example.com/`);

// One verifier trusting `count` issuers (each with its own key), and tokens from all of them.
function setup(alg, count, cache) {
  const keys = Array.from({ length: count }, () => makeKeys(alg));
  const tokens = Array.from({ length: POOL }, (_, n) =>
    makeToken(keys[n % count], { iss: issuerName(n % count) }),
  );
  const options =
    count === 1
      ? { key: keyOf(keys[0]), issuer: ISSUER }
      : {
          issuers: Object.fromEntries(keys.map((k, i) => [issuerName(i), { key: keyOf(k) }])),
        };
  const verifier = createVerifier({ algorithms: [alg], audience: AUDIENCE, cache, ...options });
  return { verifier, tokens: cache ? tokens.slice(0, 1) : tokens };
}

async function throughput(alg, cache) {
  const cases = [1, 2, 100].map((count) => ({ count, ...setup(alg, count, cache) }));
  for (const c of cases) await c.verifier.verify(c.tokens[0]); // sanity: the checks pass
  const rates = {};
  const ratios = { 2: [], 100: [] };
  // Each case has its own token pool: measure them one at a time, interleaved by rounds, in
  // alternating order. The ratios are paired: each round's N-issuer rate over the same round's
  // one-issuer rate, so a machine that speeds up or slows down between rounds moves both alike.
  for (let r = 0; r < ROUNDS; r++) {
    const round = {};
    for (const c of r % 2 === 0 ? cases : [...cases].reverse()) {
      const result = await measureAll(
        [{ name: String(c.count), verify: (t) => c.verifier.verify(t), isAsync: true }],
        { tokens: c.tokens, seconds: SECONDS / ROUNDS, rounds: 1 },
      );
      round[c.count] = result[String(c.count)];
      (rates[c.count] ??= []).push(round[c.count]);
    }
    for (const n of [2, 100]) ratios[n].push(round[n] / round[1]);
  }
  const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
  return {
    ...Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)])),
    ratio2: median(ratios[2]),
    ratio100: median(ratios[100]),
  };
}

// The heap a verifier holds after `count` distinct tenants (all admitted: the clock moves a
// window forward every 100 of them), measured after a full GC against the heap before the flood.
async function flood(maxIssuers, count = FLOOD) {
  const keys = makeKeys('ES256');
  let now = Date.now();
  const verifier = createVerifier({
    algorithms: ['ES256'],
    audience: AUDIENCE,
    clock: () => now,
    maxIssuers,
    issuers: (iss) =>
      iss.startsWith('https://idp.example/realms/') ? { key: keys.publicKey } : undefined,
  });
  const tokens = Array.from({ length: count }, (_, i) =>
    makeToken(keys, { iss: `https://idp.example/realms/t${i}` }),
  );
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) now += 30_000;
    await verifier.verify(tokens[i]);
  }
  globalThis.gc?.();
  const held = process.memoryUsage().heapUsed - before;
  verifier.close();
  // The tokens stay reachable until here: otherwise they would be freed inside the measurement.
  return tokens.length === count ? held : NaN;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (bytes) => `${fmt(bytes / 1024)} KiB`;

async function main() {
  console.log('# tokenward bench:issuers');
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs`,
  );
  console.log(
    `${SECONDS}s per case in ${ROUNDS} interleaved rounds; ops/s per CPU second (median of rounds); ratios: median of paired per-round ratios\n`,
  );
  console.log('| alg | cache | 1 issuer | 2 issuers | ratio | 100 issuers | ratio |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const alg of ALGS) {
    for (const cache of [false, true]) {
      const r = await throughput(alg, cache);
      console.log(
        `| ${alg} | ${cache ? 'hit' : 'off'} | ${fmt(r[1])} | ${fmt(r[2])} | ${r.ratio2.toFixed(3)}× | ${fmt(r[100])} | ${r.ratio100.toFixed(3)}× |`,
      );
    }
  }
  if (globalThis.gc === undefined) console.log('\n(run with --expose-gc for the heap figures)');
  await flood(100, 1000); // warm-up: compiled code and lazily created state out of the figures
  const bounded = await flood(100);
  const unbounded = await flood(FLOOD);
  console.log(`\n## ${fmt(FLOOD)} distinct tenants through a function \`issuers\`\n`);
  console.log('| maxIssuers | heap the verifier holds after the flood |');
  console.log('|---:|---:|');
  console.log(`| 100 (default) | ${mb(bounded)} |`);
  console.log(`| ${fmt(FLOOD)} | ${mb(unbounded)} |`);
}

await main();
