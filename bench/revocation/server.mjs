// One bench:revocation server: Express 5 + @tokenward/express with one revocation store.
// argv: scenario id; env REVOCATION_BENCH (JSON: secret, prefix, now). Reports its port over IPC.
import { MemoryRevocationStore } from '@tokenward/core';
import { jwt } from '@tokenward/express';
import { RedisRevocationStore } from '@tokenward/redis';
import express from 'express';
import Redis from 'ioredis';
import { ISSUER, REDIS_URL, preloaded } from './shared.mjs';

const scenario = process.argv[2];
const { secret, prefix, now } = JSON.parse(process.env.REVOCATION_BENCH);

async function makeStore() {
  if (scenario === 'memory') {
    const store = new MemoryRevocationStore();
    for (const { kind, value } of preloaded(now)) {
      await (kind === 'token' ? store.revoke(value) : store.revokeSubject(value));
    }
    return { store, close: () => store.close() };
  }
  const client = new Redis(REDIS_URL);
  const store = new RedisRevocationStore({ client, prefix, mirror: scenario === 'mirror' });
  await store.ready();
  if (scenario === 'mirror' && store.mirrorState !== 'live') throw new Error('mirror not live');
  return { store, close: async () => (await store.close(), client.disconnect()) };
}

const { store, close } = await makeStore();
const app = express();
app.disable('x-powered-by');
app.use(
  jwt({
    algorithms: ['HS256'],
    key: Buffer.from(secret, 'base64'),
    issuer: ISSUER,
    revocation: store,
  }),
);
app.get('/', (req, res) => res.json({ sub: req.auth.sub }));
const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('SIGTERM', () => server.close(async () => (await close(), process.exit(0))));
