// pnpm bench:verify — verify throughput of tokenward and its peers, in one process and one run.
// Env: BENCH_SECONDS (per case, default 2), BENCH_ROUNDS (interleaved slices, default 10), BENCH_ALGS (e.g. "HS256,ES256"),
// BENCH_MEMORY_TOKENS (default 1000000; 0 skips the memory run). Run with --expose-gc.
import { availableParallelism, cpus } from 'node:os';
import { makeVerifiers } from './libraries.mjs';
import { measureAll } from './measure.mjs';
import { memoryRun } from './memory.mjs';
import { BENCH_ALGORITHMS, makeKeys, makeToken } from './tokens.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const ALGS = process.env.BENCH_ALGS?.split(',') ?? BENCH_ALGORITHMS;
const MEMORY_TOKENS = Number(process.env.BENCH_MEMORY_TOKENS ?? 1_000_000);
const POOL = 256; // distinct tokens cycled through in uncached runs (power of two)

const fmt = (n) => (n === undefined ? 'n/a' : Math.round(n).toLocaleString('en-US'));
const ratio = (a, b) => (a && b ? a / b : undefined);
const fmtRatio = (r) => (r === undefined ? 'n/a' : `${r.toFixed(3)}×`);

// Each verifier must accept the good token and reject tampered ones: proof that the checks are on.
async function sanity(v, keys) {
  const attempt = async (token) => {
    try {
      await v.verify(token);
      return true;
    } catch {
      return false;
    }
  };
  const now = Math.floor(Date.now() / 1000);
  const good = makeToken(keys);
  const bad = {
    'wrong iss': makeToken(keys, { iss: 'https://evil.example/' }),
    'wrong aud': makeToken(keys, { aud: 'https://other.example' }),
    expired: makeToken(keys, { iat: now - 7200, exp: now - 3600 }),
    'bad signature': `${good.slice(0, good.lastIndexOf('.'))}.${makeToken(keys).split('.')[2]}`,
  };
  if (!(await attempt(good))) throw new Error(`${v.name} ${keys.alg}: rejects a valid token`);
  for (const [what, token] of Object.entries(bad)) {
    if (v.name === 'floor' && what.startsWith('wrong')) continue; // the floor checks no iss/aud
    if (await attempt(token))
      throw new Error(`${v.name} ${keys.alg}: accepts a token with ${what}`);
  }
}

async function main() {
  console.log(`# tokenward bench:verify`);
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs`,
  );
  console.log(
    `${SECONDS}s per case after warm-up; uncached runs cycle ${POOL} distinct tokens; all check iss+aud+exp; ops/s per ${process.env.BENCH_CLOCK === 'wall' ? 'wall-clock' : 'CPU'} second\n`,
  );
  const uncached = [];
  const cached = [];
  for (const alg of ALGS) {
    const keys = makeKeys(alg);
    const pool = Array.from({ length: POOL }, () => makeToken(keys));
    const plain = (await makeVerifiers(keys)).filter((v) => !v.skip);
    for (const v of plain) await sanity(v, keys);
    uncached.push({
      alg,
      ...(await measureAll(plain, { tokens: pool, seconds: SECONDS, rounds: ROUNDS })),
    });
    const withCache = (await makeVerifiers(keys, { cache: true })).filter((v) => !v.skip);
    for (const v of withCache) await sanity(v, keys);
    const one = [makeToken(keys)];
    cached.push({
      alg,
      ...(await measureAll(withCache, { tokens: one, seconds: SECONDS, rounds: ROUNDS })),
    });
    console.error(`done ${alg}`);
  }

  console.log('## Uncached verify, ops/s\n');
  console.log(
    '| alg | tokenward | fast-jwt | jose | jsonwebtoken | floor | target | ratio | met |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|---:|---|');
  for (const r of uncached) {
    const hs = r.alg === 'HS256';
    const value = hs ? ratio(r.tokenward, r['fast-jwt']) : ratio(r.tokenward, r.floor);
    const min = hs ? 1.25 : 0.95;
    const target = hs ? '≥ 1.25× fast-jwt' : '≥ 0.95× floor';
    const met = value === undefined ? 'n/a' : value >= min ? 'yes' : '**no**';
    const cells = ['tokenward', 'fast-jwt', 'jose', 'jsonwebtoken', 'floor'].map((k) => fmt(r[k]));
    console.log(`| ${r.alg} | ${cells.join(' | ')} | ${target} | ${fmtRatio(value)} | ${met} |`);
  }
  console.log('\n## Cached verify (one repeated token), ops/s\n');
  console.log('| alg | tokenward `cache: true` | fast-jwt `cache: true` | target | ratio | met |');
  console.log('|---|---:|---:|---|---:|---|');
  for (const r of cached) {
    const value = ratio(r.tokenward, r['fast-jwt']);
    const met = value === undefined ? 'n/a' : value >= 1.5 ? 'yes' : '**no**';
    console.log(
      `| ${r.alg} | ${fmt(r.tokenward)} | ${fmt(r['fast-jwt'])} | ≥ 1.5× fast-jwt | ${fmtRatio(value)} | ${met} |`,
    );
  }
  if (MEMORY_TOKENS > 0) {
    console.log(
      '\n## Memory: distinct tokens through the cached verifier (HS256, default max 1,000)\n',
    );
    const m = await memoryRun(MEMORY_TOKENS);
    if (m.skip) console.log(`skipped: ${m.skip}`);
    else {
      console.log(`${m.count.toLocaleString('en-US')} tokens in ${m.seconds.toFixed(1)} s`);
      console.log(
        `heapUsed before ${m.beforeMb} MB, at each quarter ${m.samplesMb.join(' / ')} MB, after ${m.afterMb} MB`,
      );
      console.log(`growth ${m.growthMb} MB: ${m.flat ? 'flat (< 8 MB)' : '**NOT flat**'}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
