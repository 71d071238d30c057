import type { RequestView } from '@tokenward/core';
import { readPeerCertificate } from '@tokenward/core';
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

/**
 * Core's framework-neutral view of an Express request (Express 4 and 5 alike; `trust proxy` is
 * honoured through `req.secure`, `req.ip` and the host rule above). The fields core reads only
 * for some options (`secure`, `remoteAddress`, `host`) are computed on first use: Express
 * derives them from `trust proxy` on every access, and a Bearer request never needs them.
 */
class ExpressRequestView implements RequestView {
  constructor(readonly req: Request) {}

  // Read on demand: extraction needs the headers only, and reading an Express request's
  // properties is not free.
  get method(): string {
    return this.req.method;
  }

  get url(): string {
    return this.req.originalUrl ?? this.req.url;
  }

  get headers(): RequestView['headers'] {
    return this.req.headers;
  }

  get rawHeaders(): readonly string[] {
    return this.req.rawHeaders;
  }

  get secure(): boolean {
    return this.req.secure;
  }

  get remoteAddress(): string | undefined {
    return this.req.ip ?? this.req.socket?.remoteAddress;
  }

  get host(): string | undefined {
    return hostOf(this.req);
  }

  get peerCertificate(): Uint8Array | undefined {
    return readPeerCertificate(this.req.socket);
  }
}

/**
 * Builds core's view of an Express request.
 *
 * @param req - the Express request
 */
export function requestView(req: Request): RequestView {
  return new ExpressRequestView(req);
}

/**
 * The Express request a view was built from.
 *
 * @param view - a view made by {@link requestView}
 */
export function requestOf(view: RequestView): Request | undefined {
  return view instanceof ExpressRequestView ? view.req : undefined;
}
