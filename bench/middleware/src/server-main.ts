// Child process entry: starts one scenario's server and reports its port to the runner over IPC.
// Each server runs alone in its process so that it never shares an event loop with autocannon.
import type { AddressInfo } from 'node:net';
import { MATERIAL_ENV, type Material } from './material.js';
import { scenarioById } from './scenarios.js';

const scenario = scenarioById(process.argv[2] ?? '');
const material = JSON.parse(process.env[MATERIAL_ENV] ?? '{}') as Material;
// Only the framework under test is loaded: nothing else shares this process's heap or JIT.
const loaders = {
  express: async () => (await import('./servers/express-server.js')).startExpress,
  koa: async () => (await import('./servers/koa-server.js')).startKoa,
  nest: async () => (await import('./servers/nest-server.js')).startNest,
};
const start = await loaders[scenario.framework]();
const server = await start(scenario, material);
process.send?.({ port: (server.address() as AddressInfo).port });
// The runner asks for this process's CPU time around each measured round.
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  }
  // The monotonic clock of V8's CPU profile timestamps, microseconds.
  if (message === 'clock') process.send?.({ clockMicros: Number(process.hrtime.bigint() / 1000n) });
});
process.on('disconnect', () => process.exit(0));
// A normal exit, so that `--cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
