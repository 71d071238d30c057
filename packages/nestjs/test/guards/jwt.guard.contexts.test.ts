import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { Test } from '@nestjs/testing';
import { WsException } from '@nestjs/websockets';
import {
  JwtAuthModule,
  JwtGraphQLException,
  JwtGuard,
  JwtHttpException,
  Roles,
} from '../../src/index.js';
import { bearer, token, verifierOptions } from '../helpers/tokens.js';

// Resolvers/gateways as Nest sees them: a class and a handler carrying the route metadata.
class Resolver {
  me(): void {}
  @Roles('admin')
  admin(): void {}
}

@Injectable()
class ContextRequestGuard extends JwtGuard {
  override getRequest(context: ExecutionContext) {
    return context.getArgByIndex<{ request: unknown }>(2).request;
  }
}

function context(type: string, args: unknown[], handler: keyof Resolver = 'me'): ExecutionContext {
  const host = new ExecutionContextHost(args, Resolver, Resolver.prototype[handler]);
  host.setType(type);
  return host;
}

const httpLike = (authorization?: string) => ({
  method: 'POST',
  url: '/graphql',
  headers: authorization ? { authorization } : {},
  rawHeaders: authorization ? ['Authorization', authorization] : [],
  secure: false,
  ip: '127.0.0.1',
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

async function gqlRejection(promise: Promise<unknown>): Promise<JwtGraphQLException> {
  const err = await rejection(promise);
  if (err instanceof JwtGraphQLException) return err;
  throw err;
}

describe('JwtGuard outside HTTP', () => {
  let guard: JwtGuard;
  let custom: ContextRequestGuard;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [JwtAuthModule.forRoot(verifierOptions)],
      providers: [ContextRequestGuard],
    }).compile();
    guard = moduleRef.get(JwtGuard);
    custom = moduleRef.get(ContextRequestGuard);
  });

  it('finds the request of a GraphQL context ({ req }) and sets request.user', async () => {
    const req: Record<string, unknown> = httpLike(bearer(await token({ roles: ['admin'] })));
    await expect(guard.canActivate(context('graphql', [{}, {}, { req }, {}]))).resolves.toBe(true);
    expect(req.user).toMatchObject({ sub: 'alice' });
    await expect(
      guard.canActivate(context('graphql', [{}, {}, { req }, {}], 'admin')),
    ).resolves.toBe(true);
  });

  it('refuses a resolver with a JwtGraphQLException: description as message, GraphQL extensions', async () => {
    const missing = await gqlRejection(
      guard.canActivate(context('graphql', [{}, {}, { req: httpLike() }, {}])),
    );
    expect(missing).toBeInstanceOf(JwtHttpException);
    expect(missing.getStatus()).toBe(401);
    expect(missing.message).toBe('No access token was provided');
    // A string response: GraphQL drivers keep the extensions as they are.
    expect(missing.getResponse()).toBe('No access token was provided');
    expect(missing.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      tokenward: { code: 'ERR_JWT_MISSING', status: 401 },
    });
    expect(missing.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="api"' });
    const req = httpLike(bearer(await token({ roles: ['user'] })));
    const denied = await gqlRejection(
      guard.canActivate(context('graphql', [{}, {}, { req }, {}], 'admin')),
    );
    expect(denied.extensions).toEqual({
      code: 'FORBIDDEN',
      tokenward: { code: 'ERR_JWT_INSUFFICIENT_SCOPE', status: 403 },
    });
    const malformed = await gqlRejection(
      guard.canActivate(context('graphql', [{}, {}, { req: httpLike('Bearer a b') }, {}])),
    );
    expect(malformed.extensions.code).toBe('BAD_REQUEST');
  });

  it('reads a subscription token from the graphql-ws connection params, once per operation', async () => {
    const upgrade = { url: '/graphql', headers: { host: '127.0.0.1' } };
    const connection = {
      connectionParams: { Authorization: bearer(await token()) },
      extra: { request: upgrade },
    };
    const args = [{}, {}, { req: connection }, {}];
    await expect(guard.canActivate(context('graphql', args))).resolves.toBe(true);
    expect(upgrade.headers).toEqual({ host: '127.0.0.1' });
    const anonymous = { connectionParams: {}, extra: { request: upgrade } };
    const refused = await gqlRejection(
      guard.canActivate(context('graphql', [{}, {}, { req: anonymous }, {}])),
    );
    expect(refused.extensions.tokenward.code).toBe('ERR_JWT_MISSING');
    const twice = {
      connectionParams: { authorization: bearer(await token()) },
      extra: { request: { headers: { authorization: bearer(await token()) } } },
    };
    const ambiguous = await gqlRejection(
      guard.canActivate(context('graphql', [{}, {}, { req: twice }, {}])),
    );
    expect(ambiguous.extensions.tokenward).toEqual({
      code: 'ERR_JWT_INVALID_REQUEST',
      status: 400,
    });
  });

  it('reads a socket.io client handshake in a WebSocket context, refusing with a WsException', async () => {
    const handshake = {
      headers: { authorization: bearer(await token()) },
      url: '/socket.io/',
      secure: false,
      address: '127.0.0.1',
    };
    await expect(guard.canActivate(context('ws', [{ handshake }, {}]))).resolves.toBe(true);
    const anonymous = {
      handshake: { headers: {}, url: '/socket.io/', secure: false, address: '127.0.0.1' },
    };
    const refused = await rejection(guard.canActivate(context('ws', [anonymous, {}])));
    expect(refused).toBeInstanceOf(WsException);
    expect((refused as WsException).getError()).toEqual({
      status: 401,
      code: 'ERR_JWT_MISSING',
      message: 'No access token was provided',
    });
  });

  it('refuses as missing, not with a TypeError, when getRequest finds nothing', async () => {
    const lost = new (class extends JwtGuard {
      override getRequest() {
        return undefined;
      }
    })(guard['auth'], guard['reflector']);
    for (const type of ['ws', 'graphql', 'http']) {
      const refused = await rejection(lost.canActivate(context(type, [{}, {}, {}, {}])));
      const code =
        refused instanceof WsException
          ? (refused.getError() as { code: string }).code
          : (refused as JwtHttpException).jwtError.code;
      expect(code).toBe('ERR_JWT_MISSING');
    }
  });

  it('uses an overridden getRequest', async () => {
    const request: Record<string, unknown> = httpLike(bearer(await token()));
    await expect(custom.canActivate(context('graphql', [{}, {}, { request }, {}]))).resolves.toBe(
      true,
    );
    expect(request.user).toMatchObject({ sub: 'alice' });
    // The default guard does not know this shape: no credentials found.
    const refused = await gqlRejection(
      guard.canActivate(context('graphql', [{}, {}, { request }, {}])),
    );
    expect(refused.getStatus()).toBe(401);
  });
});
