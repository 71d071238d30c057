// The three example apps, started the way their smoke tests start them (in-process, on a free
// port of 127.0.0.1), and addressed by the browser as http://localhost:<port>.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp as createExpressApp } from '../../../examples/express/src/app.js';
import { configFromEnv as expressConfig } from '../../../examples/express/src/config.js';
import { createApp as createKoaApp } from '../../../examples/koa/src/app.js';
import { configFromEnv as koaConfig } from '../../../examples/koa/src/config.js';
import { bootstrap } from '../../../examples/nestjs/src/bootstrap.js';
import { recordRequests, serveRecorded, type SeenRequest } from './recorded-server.js';

/** A started app, as the browser reaches it. */
export interface BrowserApp {
  /**
   * `http://localhost:<port>`, not 127.0.0.1: the attacker's server then has a same-site
   * (localhost, another port) and a cross-site (127.0.0.1) address.
   */
  origin: string;
  /** Every request the app answered, in order. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts one example with an in-memory revocation store and a random secret. */
export type StartBrowserApp = () => Promise<BrowserApp>;

const origin = (port: number) => `http://localhost:${port}`;

/**
 * The three examples, by folder name.
 *
 * @example
 * ```ts
 * const app = await EXAMPLES['examples/express']();
 * await page.goto(`${app.origin}/public`);
 * ```
 */
export const EXAMPLES: Record<string, StartBrowserApp> = {
  'examples/express': async () => {
    const { config, close } = expressConfig({});
    const running = await serveRecorded(createExpressApp(config), close);
    return { origin: origin(running.port), seen: running.seen, close: running.close };
  },
  'examples/koa': async () => {
    const { config, close } = koaConfig({});
    const running = await serveRecorded(createKoaApp(config).callback(), close);
    return { origin: origin(running.port), seen: running.seen, close: running.close };
  },
  'examples/nestjs': async () => {
    const running = await bootstrap({ PORT: '0' }, '127.0.0.1');
    const server = running.app.getHttpServer() as Server;
    const { port } = server.address() as AddressInfo;
    return { origin: origin(port), seen: recordRequests(server), close: () => running.close() };
  },
};
