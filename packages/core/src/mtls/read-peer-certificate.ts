/**
 * The DER bytes of the TLS client certificate of a Node socket (`tls.TLSSocket#getPeerCertificate
 * ().raw`), or `undefined` for a plain socket or a connection without a client certificate. For
 * adapters filling `RequestView.peerCertificate`. The chain is not judged here: RFC 8705 binds
 * the token to the certificate itself, whose key the TLS handshake proved.
 *
 * @param socket - the request's socket (`req.socket`, `ctx.req.socket`, Fastify's `req.raw.socket`)
 * @returns the certificate's DER, or `undefined`
 * @example
 * ```ts
 * import type { IncomingMessage } from 'node:http';
 * import { readPeerCertificate } from '@tokenward/core';
 *
 * const der = (req: IncomingMessage) => readPeerCertificate(req.socket);
 * void der;
 * ```
 */
export function readPeerCertificate(socket: unknown): Uint8Array | undefined {
  const read = (socket as { getPeerCertificate?: unknown } | null | undefined)?.getPeerCertificate;
  if (typeof read !== 'function') return undefined;
  const raw = (read.call(socket) as { raw?: unknown } | null | undefined)?.raw;
  return raw instanceof Uint8Array && raw.length > 0 ? raw : undefined;
}
