// The server side of http.mjs: Express with tokenward's jwt(), DPoP accepted, on 127.0.0.1.
// Prints its port on stdout.
import express from 'express';
import { jwt } from '@tokenward/express';
import { MemoryReplayStore } from '@tokenward/core';

const app = express();
// The server's own CPU time so far (µs), read around each load by http.mjs.
app.get('/cpu', (_req, res) => {
  const { user, system } = process.cpuUsage();
  res.json({ cpu: user + system });
});
app.get(
  '/me',
  jwt({
    algorithms: ['HS256'],
    key: process.env.BENCH_SECRET,
    cache: true,
    dpop: { replay: new MemoryReplayStore({ max: 2_000_000 }) },
  }),
  (req, res) => {
    res.json({ sub: req.auth.sub });
  },
);
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
