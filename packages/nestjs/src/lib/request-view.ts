import type { IncomingMessage } from 'node:http';
import type { RequestView } from '@tokenward/core';

type AnyRequest = Record<string, unknown> & { raw?: unknown };

function isIncomingMessage(value: unknown): value is IncomingMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as IncomingMessage).rawHeaders)
  );
}

const WITH_PORT = /:\d+$/;

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
 * Builds core's `RequestView` from the request object of any Nest platform: an Express request
 * (an `IncomingMessage` with `originalUrl`, `secure`, `ip`), a Fastify request (`raw`, `protocol`,
 * `ip`), a plain `IncomingMessage`, or a socket.io handshake (`headers`, `url`, `secure`,
 * `address`). Trust-proxy decisions are the framework's: `secure` and `ip` are taken as given.
 */
export function toRequestView(request: unknown): RequestView {
  const req = (request ?? {}) as AnyRequest;
  const raw: Partial<IncomingMessage> = isIncomingMessage(req.raw)
    ? req.raw
    : (req as Partial<IncomingMessage>);
  const headers = (req.headers ?? raw.headers ?? {}) as RequestView['headers'];
  const secure =
    typeof req.secure === 'boolean'
      ? req.secure
      : typeof req.protocol === 'string'
        ? req.protocol === 'https'
        : (raw.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const remoteAddress = [req.ip, raw.socket?.remoteAddress, req.address].find(
    (v): v is string => typeof v === 'string',
  );
  const url = [req.originalUrl, req.url, raw.url].find((v): v is string => typeof v === 'string');
  const method = [req.method, raw.method].find((v): v is string => typeof v === 'string');
  return {
    host: hostOf(req, headers),
    method: (method ?? 'GET').toUpperCase(),
    url: url ?? '/',
    headers,
    rawHeaders: isIncomingMessage(raw) ? raw.rawHeaders : undefined,
    secure,
    remoteAddress,
  };
}
