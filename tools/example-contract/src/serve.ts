import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningExample } from './running-example.js';

/**
 * Serves a request listener (an Express app, a Koa `callback()`) on a free port of 127.0.0.1.
 *
 * @param listener - the app's request handler
 * @param release - called after the server closed, e.g. to close the app's revocation store
 * @returns the base URL and how to stop it all
 * @example
 * ```ts
 * const { config, close } = configFromEnv(env);
 * const running = await serve(createApp(config), close);
 * ```
 */
export async function serve(
  listener: RequestListener,
  release: () => Promise<void> = async () => {},
): Promise<RunningExample> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      // Idle keep-alive sockets would hold close() open.
      server.closeIdleConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      );
      await release();
    },
  };
}
