/**
 * A framework-neutral view of an HTTP request: all an adapter hands to core's authenticate step.
 * Adapters fill it from their own request object; core never touches framework objects.
 *
 * @example
 * ```ts
 * const view: RequestView = {
 *   method: req.method, url: req.originalUrl, headers: req.headers,
 *   rawHeaders: req.rawHeaders, secure: req.secure, remoteAddress: req.ip, host: req.host,
 * };
 * ```
 */
export interface RequestView {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Request target as received (path and query). */
  readonly url: string;
  /** Parsed headers, lower-case names (Node's `IncomingMessage.headers`). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Raw header name/value list (Node's `IncomingMessage.rawHeaders`), to see duplicates. */
  readonly rawHeaders?: readonly string[];
  /** Whether the request arrived over HTTPS, as the framework decided (trust proxy honoured). */
  readonly secure: boolean;
  /**
   * Client address as the framework determined it (trust proxy honoured: Express `req.ip`, Koa
   * `ctx.ip`), for the loopback exemption of `requireHttps`. A loopback peer that forwards
   * `Forwarded`/`X-Forwarded-*` headers is a proxy, not a local client, and is not exempt.
   */
  readonly remoteAddress?: string;
  /**
   * The request's host (`example.com:8443`) as the framework determined it (trust proxy honoured:
   * Express `req.host`, Koa `ctx.host`), for the same-origin check of cookie requests.
   * Default: the `Host` header.
   */
  readonly host?: string;
  /**
   * The DER bytes of the TLS client certificate of the connection (`socket.getPeerCertificate()
   * .raw`), for certificate-bound tokens (`mtls`); `undefined` without TLS or without a client
   * certificate.
   */
  readonly peerCertificate?: Uint8Array | undefined;
}
