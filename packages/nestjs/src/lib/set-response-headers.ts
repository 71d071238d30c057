import type { HttpAdapterHost } from '@nestjs/core';

type HeaderTarget = {
  setHeader?: (name: string, value: string) => unknown;
  header?: (name: string, value: string) => unknown;
  headersSent?: boolean;
};

/**
 * Puts headers on a platform response before an exception is thrown, so that Nest's default
 * exception filter (which can only set status and body) still sends them. Uses the platform's
 * own adapter when there is one (`reply.header` on Fastify, `res.set` on Express), else the Node
 * response API.
 */
export function setResponseHeaders(
  response: unknown,
  headers: Record<string, string>,
  adapterHost: HttpAdapterHost | undefined,
): void {
  if (typeof response !== 'object' || response === null) return;
  const adapter = adapterHost?.httpAdapter;
  const target = response as HeaderTarget;
  for (const [name, value] of Object.entries(headers)) {
    if (adapter) {
      if (adapter.isHeadersSent(response)) return;
      adapter.setHeader(response, name, value);
    } else if (typeof target.setHeader === 'function' && target.headersSent !== true) {
      target.setHeader(name, value);
    } else if (typeof target.header === 'function') {
      target.header(name, value);
    }
  }
}
