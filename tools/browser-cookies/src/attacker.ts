// The other site: one HTTP server that serves attack pages. Reached as http://localhost:<port> it
// is same-site (another origin on the app's host), as http://127.0.0.1:<port> it is cross-site.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The attacks a page of this server can carry out against `target` (a full URL). */
export type Attack = 'form-post' | 'fetch-post' | 'img' | 'link';

/** The started attacker server. */
export interface AttackerSite {
  port: number;
  /** The `Cookie` headers that reached `/echo`: what the browser sent to this other port. */
  echoed: (string | undefined)[];
  close(): Promise<void>;
}

const attr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const html = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>attacker</title></head><body>${body}</body></html>`;

const PAGES: Record<Attack, (target: string) => string> = {
  'form-post': (t) =>
    html(`<h1>cross-origin form</h1><form id="f" method="POST" action="${attr(t)}"></form>
      <script>document.getElementById('f').submit()</script>`),
  'fetch-post': (t) =>
    html(`<h1>fetch with credentials</h1><pre id="out">pending</pre><script>
      fetch(${JSON.stringify(t).replace(/</g, '\\u003c')}, { method: 'POST', credentials: 'include', mode: 'no-cors' })
        .then((r) => { document.getElementById('out').textContent = 'sent: ' + r.type; })
        .catch((e) => { document.getElementById('out').textContent = 'error: ' + e; });
      </script>`),
  img: (t) => html(`<h1>image</h1><img id="i" src="${attr(t)}" alt="probe">`),
  link: (t) => html(`<h1>link</h1><a id="go" href="${attr(t)}">go</a>`),
};

function handle(echoed: (string | undefined)[], req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://attacker.invalid');
  if (url.pathname === '/echo') {
    echoed.push(req.headers.cookie);
    res.writeHead(200, { 'content-type': 'application/json' });
    // Names only on the page (and so in its screenshot); the values stay in `echoed`.
    const names = (req.headers.cookie ?? '').split(';').map((c) => c.split('=')[0]!.trim());
    res.end(JSON.stringify({ received: names.filter((n) => n !== '') }));
    return;
  }
  const page = PAGES[url.pathname.slice(1) as Attack];
  const target = url.searchParams.get('target');
  if (page === undefined || target === null) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page(target));
}

/**
 * Starts the attacker site on a free port of 127.0.0.1.
 *
 * @returns its port, the cookies `/echo` received, and `close()`
 * @example
 * ```ts
 * const evil = await startAttackerSite();
 * await page.goto(`http://127.0.0.1:${evil.port}/img?target=${encodeURIComponent(url)}`);
 * ```
 */
export async function startAttackerSite(): Promise<AttackerSite> {
  const echoed: (string | undefined)[] = [];
  const server = createServer((req, res) => handle(echoed, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    echoed,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
