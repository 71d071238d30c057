/**
 * One HTTP request of the story, as printed on screen.
 *
 * @example
 * ```ts
 * const request: DemoRequest = { method: 'GET', path: '/me', token };
 * ```
 */
export interface DemoRequest {
  /** HTTP method. */
  method: 'GET' | 'POST';
  /** Path on the example app, e.g. `/me`. */
  path: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  /** Sent as a JSON body when set. */
  json?: unknown;
}

/**
 * The answer to a {@link DemoRequest}.
 *
 * @example
 * ```ts
 * if (answer.status === 401) console.log(answer.headers['www-authenticate']);
 * ```
 */
export interface DemoAnswer {
  /** HTTP status. */
  status: number;
  /** HTTP status text. */
  statusText: string;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, or `undefined` when empty. */
  body: unknown;
}

/**
 * Sends one request to the example app (never follows redirects, never sends cookies).
 *
 * @param baseUrl - e.g. `http://127.0.0.1:41234`
 * @param request - what to send
 * @param timeoutMs - abort after this long
 * @returns the answer
 * @example
 * ```ts
 * const answer = await send('http://127.0.0.1:3000', { method: 'GET', path: '/public' });
 * ```
 */
export async function send(
  baseUrl: string,
  request: DemoRequest,
  timeoutMs = 5000,
): Promise<DemoAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  if (request.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(request.path, baseUrl), {
    method: request.method,
    headers,
    body: request.json === undefined ? undefined : JSON.stringify(request.json),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: unknown = text === '' ? undefined : text;
  if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      // keep the raw text: the demo shows what the server sent
    }
  }
  return {
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers),
    body,
  };
}
