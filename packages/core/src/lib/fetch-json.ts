import {
  request as httpRequest,
  type Agent,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How one JSON document is fetched. */
export interface FetchJsonOptions {
  /** Deadline for the whole exchange (connect, headers and body), in milliseconds. */
  readonly timeout: number;
  /** Largest accepted body, in bytes. */
  readonly maxSize: number;
  /** Extra request headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** HTTP agent (proxies, TLS options); default: a fresh connection per fetch. */
  readonly agent?: Agent;
  /** Aborts the fetch (`close()`). */
  readonly signal?: AbortSignal;
}

/** A fetched JSON document and the response headers (for caching rules). */
export interface FetchedJson {
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
}

/** Why a fetch failed; `message` is safe to log (no response contents). */
export class FetchError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'FetchError';
  }
}

function readBody(res: IncomingMessage, maxSize: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxSize) {
      res.destroy();
      reject(new FetchError(`response larger than ${maxSize} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        // Rejected before destroy(): destroying emits 'aborted', whose vaguer reason would win.
        reject(new FetchError(`response larger than ${maxSize} bytes`));
        res.destroy();
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', (err) => reject(new FetchError('response interrupted', err)));
    res.on('aborted', () => reject(new FetchError('response interrupted')));
  });
}

/**
 * GETs a JSON document (with the response headers) with a deadline and a size cap. Redirects are never followed (a 3xx is a
 * failure), only status 200 is accepted, and the body must be UTF-8 JSON. Rejects with
 * {@link FetchError}.
 *
 * @param url - an `http:` or `https:` URL, already checked by the caller's policy
 * @param options - deadline, size cap, headers, agent, abort signal
 */
export function fetchJson(url: URL, options: FetchJsonOptions): Promise<FetchedJson> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...options.headers },
      agent: options.agent ?? false,
      signal: options.signal,
    });
    const timer = setTimeout(() => {
      req.destroy(new FetchError(`no complete response within ${options.timeout} ms`));
    }, options.timeout);
    timer.unref();
    const fail = (err: unknown): void => {
      clearTimeout(timer);
      reject(
        err instanceof FetchError ? err : new FetchError(`request failed (${codeOf(err)})`, err),
      );
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        req.destroy();
        const what = status >= 300 && status < 400 ? 'redirect refused' : 'unexpected status';
        fail(new FetchError(`${what}: HTTP ${status}`));
        return;
      }
      readBody(res, options.maxSize).then((body) => {
        clearTimeout(timer);
        try {
          const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
          resolve({ body: JSON.parse(text) as unknown, headers: res.headers });
        } catch (err) {
          reject(new FetchError('response is not UTF-8 JSON', err));
        }
      }, fail);
    });
    req.end();
  });
}

// The system error code (ECONNREFUSED, ENOTFOUND, ECONNRESET, ...) or the error's name: what an
// operator needs to read in the message; the whole error stays as `cause`.
function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
  return err instanceof Error ? err.name : 'unknown error';
}
