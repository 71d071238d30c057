import type { RequestView } from '@tokenward/core';
import type { Context } from 'koa';

// The view is keyed back to its context so a user `getToken(ctx)` receives the Koa context.
const contexts = new WeakMap<RequestView, Context>();

/**
 * Builds core's framework-neutral view of a Koa request (Koa 2 and 3 alike; `app.proxy` is
 * honoured through `ctx.secure`, `ctx.ip` and `ctx.host`).
 *
 * @param ctx - the Koa context
 */
export function requestView(ctx: Context): RequestView {
  const view: RequestView = {
    method: ctx.method,
    url: ctx.originalUrl ?? ctx.url,
    headers: ctx.req.headers,
    rawHeaders: ctx.req.rawHeaders,
    secure: ctx.secure,
    remoteAddress: ctx.ip || ctx.req.socket?.remoteAddress,
    host: ctx.host || undefined,
  };
  contexts.set(view, ctx);
  return view;
}

/**
 * The Koa context a view was built from.
 *
 * @param view - a view made by {@link requestView}
 */
export function contextOfView(view: RequestView): Context | undefined {
  return contexts.get(view);
}
