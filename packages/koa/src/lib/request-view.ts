import type { RequestView } from '@tokenward/core';
import type { Context } from 'koa';

/**
 * Core's framework-neutral view of a Koa request (Koa 2 and 3 alike; `app.proxy` is honoured
 * through `ctx.secure`, `ctx.ip` and `ctx.host`). The fields core reads only for some options
 * (`secure`, `remoteAddress`, `host`) are computed on first use: on the hot path of a Bearer
 * request they are never needed.
 */
class KoaRequestView implements RequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: RequestView['headers'];
  readonly rawHeaders: readonly string[];

  constructor(readonly ctx: Context) {
    this.method = ctx.method;
    this.url = ctx.originalUrl ?? ctx.url;
    this.headers = ctx.req.headers;
    this.rawHeaders = ctx.req.rawHeaders;
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
