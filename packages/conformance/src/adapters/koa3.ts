import Koa from 'koa';
import { koaAdapter } from '../lib/koa-app.js';

/** @tokenward/koa on Koa 3. */
export const adapter = koaAdapter('koa3', Koa);
