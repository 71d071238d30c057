import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A key-set server on 127.0.0.1 whose answers and failures the test controls. */
export interface JwksServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Sets what a path answers: a JSON value, or a handler for anything else. */
  route: (path: string, answer: unknown) => void;
  /** How many requests a path received. */
  hits: (path: string) => number;
  close: () => Promise<void>;
}

/** Answers JSON with a content length. */
export function json(res: ServerResponse, value: unknown, status = 200): void {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export async function startJwksServer(): Promise<JwksServer> {
  const routes = new Map<string, unknown>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const answer = routes.get(path);
    if (answer === undefined) return json(res, { error: 'not found' }, 404);
    if (typeof answer === 'function') return (answer as Handler)(req, res);
    json(res, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    route: (path, answer) => routes.set(path, answer),
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
