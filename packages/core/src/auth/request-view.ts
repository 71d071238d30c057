/**
 * A framework-neutral view of an HTTP request: all an adapter hands to core's authenticate step.
 * Adapters fill it from their own request object; core never touches framework objects.
 *
 * @example
 * ```ts
 * const view: RequestView = {
 *   method: req.method, url: req.originalUrl, headers: req.headers,
 *   rawHeaders: req.rawHeaders, secure: req.secure, remoteAddress: req.socket.remoteAddress,
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
  /** Peer address, for the loopback exemption of `requireHttps`. */
  readonly remoteAddress?: string;
}
