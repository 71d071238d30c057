// Koa has no body parser built in; the login route needs only this much of one.
import type { Context } from 'koa';

/**
 * The JSON body of the request, or `undefined` when it is not `application/json` or not valid
 * JSON (the route answers that in its own error shape). A body over `limit` bytes is 413.
 *
 * @param ctx - the Koa context
 * @param limit - the largest accepted body, in bytes
 */
export async function readJson(ctx: Context, limit = 16 * 1024): Promise<unknown> {
  if (!ctx.is('application/json')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) ctx.throw(413, 'The body is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
