import Koa2 from 'koa2';
import { koaAdapter } from '../lib/koa-app.js';

/** @tokenward/koa on Koa 2. */
export const adapter = koaAdapter('koa2', Koa2);
