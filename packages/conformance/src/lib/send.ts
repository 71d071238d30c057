import { request, type IncomingHttpHeaders } from 'node:http';

/** One header line, sent exactly as given (duplicates included). */
export type Header = readonly [name: string, value: string];

/** A response as received. */
export interface Received {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Sends one request with the headers exactly as listed: raw header pairs go on the wire as they
 * are, so duplicate `Authorization` headers arrive as two lines (supertest cannot do that).
 *
 * @param origin - `http://127.0.0.1:<port>`
 * @param method - the method
 * @param path - the request target
 * @param headers - header lines, in order
 */
export function send(
  origin: string,
  method: string,
  path: string,
  headers: readonly Header[],
): Promise<Received> {
  const url = new URL(origin);
  const raw: string[] = [];
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) raw.push('Host', url.host);
  for (const [name, value] of headers) raw.push(name, value);
  if (method !== 'GET' && method !== 'HEAD') raw.push('Content-Length', '0');
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: raw, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
