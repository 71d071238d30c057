import type { RequestView } from '@tokenward/core';
import { readPeerCertificate } from '@tokenward/core';
import type { Context } from 'koa';

/**
 * Core's framework-neutral view of a Koa request (Koa 2 and 3 alike; `app.proxy` is honoured
 * through `ctx.secure`, `ctx.ip` and `ctx.host`). Every field is read on first use: on the hot
 * path of a Bearer request only the headers are.
 */
class KoaRequestView implements RequestView {
  constructor(readonly ctx: Context) {}

  // Read on demand: extraction needs the headers only.
  get method(): string {
    return this.ctx.method;
  }

  get url(): string {
    return this.ctx.originalUrl ?? this.ctx.url;
  }

  get headers(): RequestView['headers'] {
    return this.ctx.req.headers;
  }

  get rawHeaders(): readonly string[] {
    return this.ctx.req.rawHeaders;
  }

  get secure(): boolean {
    return this.ctx.secure;
  }

  get remoteAddress(): string | undefined {
    return this.ctx.ip || this.ctx.req.socket?.remoteAddress;
  }

  get host(): string | undefined {
    return this.ctx.host || undefined;
  }

  get peerCertificate(): Uint8Array | undefined {
    return readPeerCertificate(this.ctx.req.socket);
  }
}

/**
 * Builds core's view of a Koa request.
 *
 * @param ctx - the Koa context
 */
export function requestView(ctx: Context): RequestView {
  return new KoaRequestView(ctx);
}

/**
 * The Koa context a view was built from.
 *
 * @param view - a view made by {@link requestView}
 */
export function contextOfView(view: RequestView): Context | undefined {
  return view instanceof KoaRequestView ? view.ctx : undefined;
}
