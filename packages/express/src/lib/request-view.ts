import type { RequestView } from '@tokenward/core';
import type { Request } from 'express';

type TrustProxy = (address: string, hop: number) => boolean;

// Express 5's own `req.host` rule (with port, trust proxy honoured), which Express 4 lacks:
// its `req.host` is a deprecated alias of `req.hostname`, without the port.
function hostOf(req: Request): string | undefined {
  const trust = req.app?.get('trust proxy fn') as TrustProxy | undefined;
  const forwarded = req.get('X-Forwarded-Host');
  if (forwarded && trust?.(req.socket?.remoteAddress ?? '', 0) === true) {
    return forwarded.split(',')[0]?.trim() || undefined;
  }
  return req.get('Host') || undefined;
}

// The view is keyed back to its request so a user `getToken(req)` receives the Express request.
const requests = new WeakMap<RequestView, Request>();

/**
 * Builds core's framework-neutral view of an Express request (Express 4 and 5 alike).
 *
 * @param req - the Express request
 */
export function requestView(req: Request): RequestView {
  const view: RequestView = {
    method: req.method,
    url: req.originalUrl ?? req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    secure: req.secure,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    host: hostOf(req),
  };
  requests.set(view, req);
  return view;
}

/**
 * The Express request a view was built from.
 *
 * @param view - a view made by {@link requestView}
 */
export function requestOf(view: RequestView): Request | undefined {
  return requests.get(view);
}
