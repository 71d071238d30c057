import type { IncomingMessage } from 'node:http';
import type { RequestView } from '@tokenward/core';
import { readPeerCertificate } from '@tokenward/core';

type AnyRequest = Record<string, unknown> & { raw?: unknown };

function isIncomingMessage(value: unknown): value is IncomingMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as IncomingMessage).rawHeaders)
  );
}

const WITH_PORT = /:\d+$/;

// The first of three candidates that is a string (no array built on the request path).
function firstString(a: unknown, b: unknown, c: unknown): string | undefined {
  if (typeof a === 'string') return a;
  if (typeof b === 'string') return b;
  return typeof c === 'string' ? c : undefined;
}

// Express 5 and Fastify 5 give `host` with the port, trust proxy honoured. Express 4's `req.host`
// is the hostname without the port: then core falls back to the Host header.
function hostOf(req: AnyRequest, headers: RequestView['headers']): string | undefined {
  if (typeof req.host !== 'string' || req.host === '') return undefined;
  const header = headers.host;
  if (typeof header === 'string' && WITH_PORT.test(header) && !WITH_PORT.test(req.host))
    return undefined;
  return req.host;
}

/**
 * Core's `RequestView` of the request object of any Nest platform: an Express request (an
 * `IncomingMessage` with `originalUrl`, `secure`, `ip`), a Fastify request (`raw`, `protocol`,
 * `ip`), a plain `IncomingMessage`, or a socket.io handshake (`headers`, `url`, `secure`,
 * `address`). Trust-proxy decisions are the framework's: `secure` and `ip` are taken as given.
 * Every field is read on first use only: the platforms derive `secure`, `ip` and `host` from
 * their trust-proxy settings on every access, a Bearer request never needs them, and a
 * request's other properties are not free to read either.
 */
class NestRequestView implements RequestView {
  private rawRequest: Partial<IncomingMessage> | undefined;

  constructor(private readonly req: AnyRequest) {}

  // The Node request: the request itself (Express), the one under it (Fastify's `req.raw`), or
  // the request as it is. Itself first: on Express, looking up a `raw` it does not have walks its
  // whole prototype chain, on every request.
  private get raw(): Partial<IncomingMessage> {
    const { req } = this;
    this.rawRequest ??= isIncomingMessage(req)
      ? req
      : isIncomingMessage(req.raw)
        ? req.raw
        : (req as Partial<IncomingMessage>);
    return this.rawRequest;
  }

  get method(): string {
    return (firstString(this.req.method, this.raw.method, undefined) ?? 'GET').toUpperCase();
  }

  get url(): string {
    return firstString(this.req.originalUrl, this.req.url, this.raw.url) ?? '/';
  }

  get headers(): RequestView['headers'] {
    return (this.req.headers ?? this.raw.headers ?? {}) as RequestView['headers'];
  }

  get rawHeaders(): readonly string[] | undefined {
    const raw = this.raw;
    return isIncomingMessage(raw) ? raw.rawHeaders : undefined;
  }

  get secure(): boolean {
    const { req, raw } = this;
    if (typeof req.secure === 'boolean') return req.secure;
    if (typeof req.protocol === 'string') return req.protocol === 'https';
    return (raw.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  }

  get remoteAddress(): string | undefined {
    const { req, raw } = this;
    return firstString(req.ip, raw.socket?.remoteAddress, req.address);
  }

  get host(): string | undefined {
    return hostOf(this.req, this.headers);
  }

  get peerCertificate(): Uint8Array | undefined {
    return readPeerCertificate(this.raw.socket);
  }
}

/**
 * Builds core's `RequestView` from the request object of any Nest platform.
 *
 * @param request - an Express or Fastify request, an `IncomingMessage` or a socket.io handshake
 */
export function toRequestView(request: unknown): RequestView {
  return new NestRequestView((request ?? {}) as AnyRequest);
}
