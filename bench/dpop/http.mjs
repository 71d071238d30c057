// DPoP through the Express middleware over HTTP: requests/s of Bearer requests (a cached token)
// and of DPoP requests (the same token, a fresh ES256 proof on every request), on the same
// server (a child process), one after the other, each DURATION seconds after a short warm-up.
// Run: pnpm --filter @tokenward/bench dpop:http (builds the packages first).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { dpopClient } from './client.mjs';

const DURATION = Number(process.env.DPOP_BENCH_SECONDS ?? 5);
const SECRET = 'the dpop http bench secret, 32+ bytes.';
const child = spawn(process.execPath, [new URL('./http-server.mjs', import.meta.url).pathname], {
  env: { ...process.env, BENCH_SECRET: SECRET },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [chunk] = await once(child.stdout, 'data');
const port = Number(String(chunk).trim());
const url = `http://127.0.0.1:${port}/me`;

const { bound, plain, proofs } = await dpopClient(SECRET);

const serverCpu = async () => (await (await fetch(`http://127.0.0.1:${port}/cpu`)).json()).cpu;

// Requests/s, and the server's CPU µs per request (its own CPU time, whatever the client costs).
async function load(seconds, headers, nextProof) {
  const before = await serverCpu();
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          headers: nextProof === undefined ? headers : { ...headers, dpop: nextProof() },
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} requests were refused, ${result.errors} failed`);
  }
  const cpu = (await serverCpu()) - before;
  return { rps: result.requests.average, cpu: cpu / result.requests.total };
}

process.on('exit', () => child.kill());
await load(1, { authorization: `Bearer ${plain}` });
const bearer = await load(DURATION, { authorization: `Bearer ${plain}` });
// Enough fresh proofs for the run (made before it: signing is the client's work, not the server's).
const batch = proofs(Math.ceil(bearer.rps * (DURATION + 1)) + 1000, url);
let next = 0;
const nextProof = () => {
  if (next === batch.length) throw new Error('out of proofs');
  return batch[next++];
};
await load(1, { authorization: `DPoP ${bound}` }, nextProof);
const dpop = await load(DURATION, { authorization: `DPoP ${bound}` }, nextProof);
child.kill();
console.log(`Express, 10 connections, ${DURATION} s each, node ${process.version}`);
const line = (name, r) =>
  `${name}: ${r.rps.toFixed(0)} requests/s, server CPU ${r.cpu.toFixed(0)} µs/request`;
console.log(line('Bearer (cached token)', bearer));
console.log(line('DPoP (same token + fresh ES256 proof)', dpop));
console.log(`DPoP / Bearer requests/s: ${(dpop.rps / bearer.rps).toFixed(2)}`);
console.log(`server CPU added by DPoP: ${(dpop.cpu - bearer.cpu).toFixed(0)} µs/request`);
