import { bootstrap } from './bootstrap.js';

const { url } = await bootstrap(process.env, process.env.HOST ?? '127.0.0.1');
console.log(`tokenward NestJS example listening on ${url}`);
