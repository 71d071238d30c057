// 1,000,000 distinct tokens through the cached verifier: the heap must stay flat (cache bounded).
import { Buffer } from 'node:buffer';
import { createHmac, randomBytes } from 'node:crypto';
import * as tokenward from '@tokenward/core';
import { AUDIENCE, ISSUER } from './tokens.mjs';

const mb = (bytes) => (bytes / 1048576).toFixed(1);

function heap() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

export async function memoryRun(count = 1_000_000) {
  if (typeof tokenward.createVerifier !== 'function')
    return { skip: 'createVerifier not built yet' };
  if (typeof globalThis.gc !== 'function') return { skip: 'run node with --expose-gc' };
  const secret = randomBytes(32);
  const verifier = tokenward.createVerifier({
    algorithms: ['HS256'],
    key: secret,
    issuer: ISSUER,
    audience: AUDIENCE,
    cache: true,
  });
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const make = (i) => {
    const payload = Buffer.from(
      JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: `user-${i}`, exp, jti: `t-${i}` }),
    ).toString('base64url');
    const input = `${header}.${payload}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  for (let i = 0; i < 2000; i++) await verifier.verify(make(i)); // fill the cache first
  const before = heap();
  const samples = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    await verifier.verify(make(2000 + i));
    if ((i + 1) % (count / 4) === 0) samples.push(heap());
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const after = heap();
  return {
    count,
    seconds,
    beforeMb: mb(before),
    afterMb: mb(after),
    samplesMb: samples.map(mb),
    growthMb: mb(after - before),
    flat: after - before < 8 * 1048576,
  };
}
