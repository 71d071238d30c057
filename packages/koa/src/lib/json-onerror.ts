import { JwtError } from '@tokenward/core';
import type { Context } from 'koa';

const INSTALLED = Symbol.for('@tokenward/koa.json-onerror');

/**
 * Makes Koa's default error handler answer a `JwtError` thrown on this request with core's JSON
 * body instead of Koa's text/plain message, so every tokenward adapter answers alike. Only this
 * request's context changes; errors that are not `JwtError`, and apps whose own error middleware
 * catches the error, are untouched. The steps are Koa's own: emit `error` on the app (Koa does
 * not log exposed errors), keep a response whose headers are already sent, reset headers, then
 * set the error's headers and status.
 *
 * @param ctx - the context of the failing request
 */
export function answerJsonOnError(ctx: Context): void {
  const record = ctx as unknown as Record<symbol, boolean>;
  if (record[INSTALLED]) return;
  record[INSTALLED] = true;
  const original = ctx.onerror;
  ctx.onerror = function onerror(this: Context, err: Error | null) {
    // A server error (a failing key resolver) gets Koa's own 500, like any other app failure.
    if (!(err instanceof JwtError) || !err.expose) return original.call(this, err as Error);
    const headerSent = this.headerSent || !this.writable;
    this.app.emit('error', err, this);
    if (headerSent) return;
    const { res } = this;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    this.set(err.headers);
    const text = JSON.stringify(err.body);
    this.status = err.status;
    this.type = 'json';
    this.length = Buffer.byteLength(text);
    res.end(text);
  };
}
