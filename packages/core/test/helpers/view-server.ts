import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { JwtError, type RequestView } from '@tokenward/core';

/** What a raw HTTP exchange returned. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json: () => Record<string, unknown>;
}

/** A real HTTP server on 127.0.0.1 that hands each request, as a RequestView, to a handler. */
export interface ViewServer {
  port: number;
  /** How many times the handler ran. */
  calls: () => number;
  /** Sends raw bytes (`\n` becomes CRLF) and reads the whole response. */
  raw: (request: string) => Promise<RawResponse>;
  close: () => Promise<void>;
}

/** Builds a RequestView from a Node request, as an adapter would. */
export function viewOf(req: IncomingMessage, secure = false): RequestView {
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    secure,
    remoteAddress: req.socket.remoteAddress,
  };
}

function send(res: ServerResponse, status: number, headers: object, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export async function startViewServer(
  handler: (view: RequestView, req: IncomingMessage) => unknown,
  options: { secure?: boolean } = {},
): Promise<ViewServer> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    calls++;
    Promise.resolve()
      .then(() => handler(viewOf(req, options.secure), req))
      .then(
        (value) => {
          send(res, 200, {}, value ?? null);
        },
        (err: unknown) => {
          if (err instanceof JwtError) {
            send(res, err.status, err.headers, err.body);
          } else {
            send(res, 599, {}, { unexpected: String(err) });
          }
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const raw = (request: string): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('latin1');
        const [head = '', ...rest] = text.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const headers: Record<string, string> = {};
        for (const line of lines) {
          const i = line.indexOf(':');
          headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
        }
        const body = rest.join('\r\n\r\n');
        resolve({
          status: Number(statusLine.split(' ')[1]),
          headers,
          body,
          json: () => JSON.parse(body),
        });
      });
      socket.end(request.replace(/\r?\n/g, '\r\n'));
    });
  return {
    port,
    calls: () => calls,
    raw,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A raw GET request with `Connection: close` and the given header lines. */
export function rawRequest(lines: string[], method = 'GET', target = '/'): string {
  return [
    `${method} ${target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...lines,
    '',
    '',
  ].join('\n');
}
