// Child process entry: starts one scenario's server and reports its port to the runner over IPC.
// Each server runs alone in its process so that it never shares an event loop with autocannon.
import type { AddressInfo } from 'node:net';
import { MATERIAL_ENV, type Material } from './material.js';
import { scenarioById } from './scenarios.js';
import { startExpress } from './servers/express-server.js';
import { startKoa } from './servers/koa-server.js';
import { startNest } from './servers/nest-server.js';

const scenario = scenarioById(process.argv[2] ?? '');
const material = JSON.parse(process.env[MATERIAL_ENV] ?? '{}') as Material;
const start = { express: startExpress, koa: startKoa, nest: startNest }[scenario.framework];

const server = await start(scenario, material);
process.send?.({ port: (server.address() as AddressInfo).port });
process.on('disconnect', () => process.exit(0));
