import type { ExecutionContext } from '@nestjs/common';
import type { JwtError } from '@tokenward/core';
import { JwtHttpException } from '../errors/jwt-http-exception.js';
import { setResponseHeaders } from '../lib/set-response-headers.js';
import type { RefusalTarget, Transport } from './transport.js';

/**
 * One HTTP request (Express, Fastify): its result may be reused by the same module's guards;
 * a refusal is a `JwtHttpException` after the challenge headers were put on the response.
 */
export const httpTransport: Transport = {
  reuses: true,
  request(context: ExecutionContext): object {
    return context.switchToHttp().getRequest<object>();
  },
  credentials(request: object): unknown {
    return request;
  },
  refusal(error: JwtError, { response, adapterHost }: RefusalTarget): unknown {
    setResponseHeaders(response, error.headers, adapterHost);
    return new JwtHttpException(error);
  },
};
