import type { ExecutionContext } from '@nestjs/common';
import type { JwtError } from '@tokenward/core';
import { JwtGraphQLException } from '../errors/jwt-graphql-exception.js';
import { ambiguous, isObject, upgradeRequestWith } from './credentials.js';
import type { Transport } from './transport.js';

type GraphQLWsContext = {
  connectionParams: Record<string, unknown>;
  extra?: { request?: unknown };
};

// The `Authorization` value of graphql-ws connection params (`authorization` or `Authorization`).
function authorizationParam(params: Record<string, unknown>): unknown {
  const names = Object.keys(params).filter((name) => name.toLowerCase() === 'authorization');
  if (names.length > 1) ambiguous();
  return names.length === 1 ? params[names[0] as string] : undefined;
}

/**
 * A GraphQL operation: the resolver context's `req` (what `@nestjs/graphql` drivers put there:
 * the HTTP request of a query or mutation, the graphql-ws context of a subscription). A
 * subscription's token is the `authorization` connection param (`Bearer <token>`), read again
 * for every operation. A refusal is a {@link JwtGraphQLException} (`extensions.code`).
 */
export const graphqlTransport: Transport = {
  reuses: false,
  request(context: ExecutionContext): object {
    const gqlContext = context.getArgByIndex<Record<string, unknown> | undefined>(2);
    const req = gqlContext?.req;
    return isObject(req) ? req : (gqlContext ?? {});
  },
  credentials(request: object): unknown {
    const { connectionParams, extra } = request as Partial<GraphQLWsContext>;
    if (!isObject(connectionParams)) return request;
    const authorization = authorizationParam(connectionParams);
    return upgradeRequestWith(extra?.request, authorization);
  },
  refusal(error: JwtError): unknown {
    return new JwtGraphQLException(error);
  },
};
