// DPoP cost per request, in process: the same authenticator work an adapter triggers, with no
// HTTP around it. Bearer (a cached HS256 token) against DPoP (the same cached token, plus a
// fresh ES256 proof and a memory replay-store write), and one bare node:crypto ES256 verify for
// scale, all in the same run. Prints the medians over ROUNDS rounds of N requests each.
// Run: pnpm --filter @tokenward/bench dpop (builds core first). Keep it short on a shared machine.
import { verify } from 'node:crypto';
import { createAuthenticator, MemoryReplayStore } from '@tokenward/core';
import { asHeaderValue, dpopClient } from './client.mjs';

const N = Number(process.env.DPOP_BENCH_N ?? 5000);
const ROUNDS = Number(process.env.DPOP_BENCH_ROUNDS ?? 7);
// Untimed requests of each kind at the start of every round (see the round loop).
const WARM = 500;
const SECRET = 'the dpop bench secret, thirty-two bytes+';
const HOST = 'api.example.com';

const { publicKey, bound, plain, proofs } = await dpopClient(SECRET);

const view = (credentials, dpop) => {
  const authorization = asHeaderValue(credentials);
  return {
    method: 'GET',
    url: '/me',
    headers:
      dpop === undefined ? { host: HOST, authorization } : { host: HOST, authorization, dpop },
    rawHeaders: [
      'Host',
      HOST,
      'Authorization',
      authorization,
      ...(dpop === undefined ? [] : ['DPoP', dpop]),
    ],
    secure: true,
  };
};

const options = { algorithms: ['HS256'], key: SECRET, cache: true };
const bearerAuth = createAuthenticator(options);
const dpopAuth = createAuthenticator({
  ...options,
  dpop: { replay: new MemoryReplayStore({ max: (WARM + N) * (ROUNDS + 2) }) },
});

// What each measurement does to one item. Made once: a function made anew each round would be
// compiled anew each round, on a helper thread whose CPU this process's clock counts.
function check(result) {
  if (result instanceof Promise || !result.authenticated) throw new Error('not authenticated');
}
const keyArgument = { key: publicKey, dsaEncoding: 'ieee-p1363' };
const RUNS = [
  function bearerRequest(v) {
    check(bearerAuth.authenticateNow(v));
  },
  function dpopRequest(v) {
    check(dpopAuth.authenticateNow(v));
  },
  function bareVerify(item) {
    if (!verify('sha256', item[0], keyArgument, item[1])) throw new Error('bad signature');
  },
];

// The three measurements interleaved in chunks of CHUNK items, so that all three see the same
// load of a shared machine, each timed in CPU time of this process (process.cpuUsage: time the
// process spends descheduled by other jobs is not counted); µs per item for each.
const CHUNK = 200;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
function timeChunk(run, list, from, to) {
  const start = cpu();
  for (let i = from; i < to; i++) run(list[i]);
  return cpu() - start;
}
// Also kept: each chunk's "DPoP minus Bearer minus ES256" (µs per item), three neighbours in time.
const pairedExtra = [];
function timeInterleaved(lists, from) {
  const totals = [0, 0, 0];
  const perItem = [0, 0, 0];
  for (let at = from; at < lists[0].length; at += CHUNK) {
    const to = Math.min(at + CHUNK, lists[0].length);
    for (let i = 0; i < RUNS.length; i++) {
      const spent = timeChunk(RUNS[i], lists[i], at, to);
      totals[i] += spent;
      perItem[i] = spent / (to - at);
    }
    pairedExtra.push(perItem[1] - perItem[0] - perItem[2]);
  }
  return totals.map((t) => t / (lists[0].length - from));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = { bearer: [], dpop: [], es256: [] };
// One warm-up round, then the measured ones; each round makes its own fresh proofs.
for (let round = 0; round <= ROUNDS; round++) {
  // The last round's fixtures are collected before this round's are made: a full GC leaves
  // sweeping to helper threads, whose CPU this process's clock counts, and it drops compiled code
  // that held the last round's objects.
  globalThis.gc?.();
  const batch = proofs(WARM + N, `https://${HOST}/me`);
  const bearerViews = Array.from({ length: WARM + N }, () => view(`Bearer ${plain}`));
  const dpopViews = batch.map((p) => view(`DPoP ${bound}`, p));
  const signed = batch.map((p) => {
    const dot = p.lastIndexOf('.');
    return [Buffer.from(p.slice(0, dot)), Buffer.from(p.slice(dot + 1), 'base64url')];
  });
  // The round's fixtures (proofs, request views) move to the old generation (two young-generation
  // GCs): otherwise every young-generation GC during the timing copies them, a cost of this
  // bench, not of a request.
  globalThis.gc?.({ type: 'minor' });
  globalThis.gc?.({ type: 'minor' });
  // WARM requests of each kind through the timing loop, their time thrown away, then a pause:
  // code the GC above dropped (the loop's too) is compiled again, on a helper thread, before the
  // clock counts.
  const lists = [bearerViews, dpopViews, signed];
  RUNS.forEach((run, i) => timeChunk(run, lists[i], 0, WARM));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const [bearer, dpop, es256] = timeInterleaved(lists, WARM);
  if (round === 0) pairedExtra.length = 0;
  if (round > 0) {
    rows.bearer.push(bearer);
    rows.dpop.push(dpop);
    rows.es256.push(es256);
  }
}

const bearer = median(rows.bearer);
const dpop = median(rows.dpop);
const es256 = median(rows.es256);
const added = dpop - bearer;
const target = es256 + 10;
console.log(`DPoP bench: ${ROUNDS} rounds × ${N} requests, node ${process.version}, CPU time`);
console.log(`Bearer (cached HS256 token):            ${bearer.toFixed(2)} µs/request`);
console.log(`DPoP (same token + ES256 proof, memory): ${dpop.toFixed(2)} µs/request`);
console.log(`bare node:crypto ES256 verify:           ${es256.toFixed(2)} µs`);
console.log(
  `added by DPoP: ${added.toFixed(2)} µs; target ≤ ES256 verify + 10 µs = ${target.toFixed(2)} µs: ${added <= target ? 'met' : 'NOT met'}`,
);
console.log(`DPoP / Bearer time per request: ${(dpop / bearer).toFixed(1)}×`);
// The same cost without the machine's slow stretches, this process's young-generation GCs and the
// replay store's growth (which land in a minority of chunks): the median chunk. The target above
// counts them.
console.log(
  `typical chunk: DPoP adds ES256 verify + ${median(pairedExtra).toFixed(2)} µs (median of ${pairedExtra.length} paired chunks)`,
);
