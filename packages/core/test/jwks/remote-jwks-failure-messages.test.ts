import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJwks, JwtError, type RemoteJwksOptions } from '@tokenward/core';
import { startJwksServer, type JwksServer } from '../helpers/jwks-server';

// Every remote key-set failure names its cause in the message (for the server's logs), keeps the
// underlying error as `cause`, and carries `details` { url, reason, received }.
let server: JwksServer;
beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

async function failureOf(url: string, options: RemoteJwksOptions = {}): Promise<JwtError> {
  const told: JwtError[] = [];
  const jwks = createRemoteJwks(url, { ...options, onError: (err) => told.push(err) });
  const err = await jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256').catch((e: unknown) => e);
  if (!(err instanceof JwtError)) throw new Error(`expected a JwtError, got ${String(err)}`);
  expect(err.code).toBe('ERR_JWKS_UNAVAILABLE');
  // onError gets the same explanation.
  expect(told[0]?.message).toBe(err.message);
  return err;
}

let n = 0;
const route = (answer: unknown): string => {
  const path = `/fail-${++n}`;
  server.route(path, answer);
  return `${server.origin}${path}`;
};

it('names ECONNREFUSED and keeps the system error as cause', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const err = await failureOf(`http://127.0.0.1:${port}/jwks?token=secret`);
  expect(err.message).toBe('The key set could not be fetched: request failed (ECONNREFUSED)');
  expect(((err.cause as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  expect(err.details).toEqual({
    url: `http://127.0.0.1:${port}/jwks`,
    reason: 'fetch_failed',
    received: 'request failed (ECONNREFUSED)',
  });
});

it('names the HTTP status', async () => {
  const url = route((_q: IncomingMessage, r: ServerResponse) => {
    r.writeHead(503).end('down');
  });
  expect((await failureOf(url)).message).toBe(
    'The key set could not be fetched: unexpected status: HTTP 503',
  );
});

it('names the timeout in milliseconds', async () => {
  const url = route(() => undefined); // never answers
  expect((await failureOf(url, { timeoutDuration: 50 })).message).toBe(
    'The key set could not be fetched: no complete response within 50 ms',
  );
});

it('names the body limit', async () => {
  const url = route((_q: IncomingMessage, r: ServerResponse) => {
    r.writeHead(200, { 'content-type': 'application/json' }).end(
      `{"keys":[],"x":"${'a'.repeat(4096)}"}`,
    );
  });
  expect((await failureOf(url, { maxResponseSize: 1024 })).message).toBe(
    'The key set could not be fetched: response larger than 1024 bytes',
  );
});
