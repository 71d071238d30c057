#!/usr/bin/env node
// What re-verifying costs the Nest guard outside one HTTP request (every WebSocket message and
// GraphQL operation), against reusing the result of the same module's guard within one HTTP
// request. A micro-measurement of JwtGuard.canActivate in one process, verified-token cache warm.
// Needs the built packages: pnpm --filter @tokenward/core --filter @tokenward/nestjs run build
// Run: node --expose-gc bench/contexts/reverify.mjs
import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { createSigner, generateSecret, MemoryRevocationStore } from '@tokenward/core';
import { JwtAuthService, JwtGuard } from '@tokenward/nestjs';

const ITERATIONS = 200_000;
const RUNS = 5;

class Gateway {
  handle() {}
}

const key = generateSecret('HS256');
const signer = createSigner({ algorithm: 'HS256', key, issuer: 'bench', expiresIn: 3600 });
const token = await signer.sign({ sub: 'alice', jti: 'bench-1' });
const headers = { authorization: `Bearer ${token}` };

function context(type, args) {
  const host = new ExecutionContextHost(args, Gateway, Gateway.prototype.handle);
  host.setType(type);
  return host;
}

async function measure(label, guard, next) {
  const results = [];
  for (let run = 0; run < RUNS; run += 1) {
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i += 1) await guard.canActivate(next());
    results.push(Number(process.hrtime.bigint() - start) / ITERATIONS);
  }
  results.sort((a, b) => a - b);
  const median = results[Math.floor(RUNS / 2)];
  console.log(`${label.padEnd(58)} ${median.toFixed(0).padStart(6)} ns/call`);
  return median;
}

for (const revocation of [undefined, new MemoryRevocationStore()]) {
  const auth = new JwtAuthService({ algorithms: ['HS256'], key, issuer: 'bench', revocation });
  const guard = new JwtGuard(auth, new Reflector());
  console.log(revocation ? '\nwith MemoryRevocationStore' : '\nwithout revocation');
  // The same module's guard ran first on this request (global + route guard): reused.
  const request = { method: 'GET', url: '/', headers };
  await guard.canActivate(context('http', [request, {}]));
  const reused = await measure('http, same module, result reused', guard, () =>
    context('http', [request, {}]),
  );
  // A new request each time: what every first guard of an HTTP request costs (cache hit).
  const fresh = await measure('http, new request, verified (cache hit)', guard, () =>
    context('http', [{ method: 'GET', url: '/', headers }, {}]),
  );
  // One open socket: its handshake is the same object for every message, verified each time.
  const socket = { handshake: { headers, url: '/socket.io/', address: '127.0.0.1' } };
  const ws = await measure('ws message, re-verified (cache hit)', guard, () =>
    context('ws', [socket, { n: 1 }, 'handle']),
  );
  console.log(
    `re-verification adds ${(ws - reused).toFixed(0)} ns per message (first guard of a request: ${fresh.toFixed(0)} ns)`,
  );
}
