import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { Test } from '@nestjs/testing';
import { JwtAuthModule, JwtGuard, JwtHttpException, Roles } from '../../src/index.js';
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

async function rejection(promise: Promise<unknown>): Promise<JwtHttpException> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof JwtHttpException) return err;
    throw err;
  }
  throw new Error('expected a rejection');
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

  it('refuses with the same exception, headers included, when there is no response to put them on', async () => {
    const missing = await rejection(
      guard.canActivate(context('graphql', [{}, {}, { req: httpLike() }, {}])),
    );
    expect(missing.getStatus()).toBe(401);
    expect(missing.jwtError.code).toBe('ERR_JWT_MISSING');
    expect(missing.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="api"' });
    const req = httpLike(bearer(await token({ roles: ['user'] })));
    const denied = await rejection(
      guard.canActivate(context('graphql', [{}, {}, { req }, {}], 'admin')),
    );
    expect(denied.getStatus()).toBe(403);
    expect(denied.getResponse()).toMatchObject({ code: 'ERR_JWT_INSUFFICIENT_SCOPE' });
  });

  it('reads a socket.io client handshake in a WebSocket context', async () => {
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
    expect((await rejection(guard.canActivate(context('ws', [anonymous, {}])))).getStatus()).toBe(
      401,
    );
  });

  it('uses an overridden getRequest', async () => {
    const request: Record<string, unknown> = httpLike(bearer(await token()));
    await expect(custom.canActivate(context('graphql', [{}, {}, { request }, {}]))).resolves.toBe(
      true,
    );
    expect(request.user).toMatchObject({ sub: 'alice' });
    // The default guard does not know this shape: no credentials found.
    expect(
      (
        await rejection(guard.canActivate(context('graphql', [{}, {}, { request }, {}])))
      ).getStatus(),
    ).toBe(401);
  });
});
