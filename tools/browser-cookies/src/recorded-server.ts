// What the app itself saw of each request: whether a cookie came along, and what it answered.
// The ground truth beside the browser's view (which hides a blocked image response).
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the app received and answered it. */
export interface SeenRequest {
  method: string;
  path: string;
  /** Whether the request carried the `access_token` cookie. */
  cookie: boolean;
  status: number;
}

/**
 * Records every request of `server` once its response is sent.
 *
 * @param server - the app's HTTP server
 * @returns the list, filled as requests finish
 * @example
 * ```ts
 * const seen = recordRequests(app.getHttpServer());
 * ```
 */
export function recordRequests(server: Server): SeenRequest[] {
  const seen: SeenRequest[] = [];
  server.on('request', (req, res) => {
    res.on('finish', () =>
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        cookie: /(^|;\s*)access_token=[^;]/.test(req.headers.cookie ?? ''),
        status: res.statusCode,
      }),
    );
  });
  return seen;
}

/**
 * Serves a request listener on a free port of 127.0.0.1 and records its requests.
 *
 * @param listener - an Express app or a Koa `callback()`
 * @param release - called after the server closed
 * @returns the port, the record and `close()`
 * @example
 * ```ts
 * const { port, seen, close } = await serveRecorded(createApp(config), release);
 * ```
 */
export async function serveRecorded(
  listener: RequestListener,
  release: () => Promise<void>,
): Promise<{ port: number; seen: SeenRequest[]; close(): Promise<void> }> {
  const server = createServer(listener);
  const seen = recordRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await release();
    },
  };
}
