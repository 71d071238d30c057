import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  Injectable,
  UseGuards,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { Args, GraphQLModule, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { Test } from '@nestjs/testing';
import { MemoryRevocationStore, type JwtClaims, type RevocationStore } from '@tokenward/core';
import { createClient, type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import {
  Claim,
  Claims,
  graphqlWsAuth,
  JwtAuthModule,
  JwtAuthService,
  JwtGuard,
  Roles,
} from '../../src/index.js';
import { TokenwardStrategy } from '../../src/passport/index.js';
import { bearer, NOW, token, verifierOptions } from '../helpers/tokens.js';

let now = NOW;
const ran: string[] = [];

@Resolver()
@UseGuards(JwtGuard)
class AccountResolver {
  @Query(() => String)
  me(@Claim('sub') sub: string): string {
    ran.push('me');
    return sub;
  }

  @Roles('admin')
  @Mutation(() => String)
  promote(@Args('user') user: string, @Claims() claims: JwtClaims): string {
    ran.push('promote');
    return `${String(claims.sub)} promoted ${user}`;
  }

  @Subscription(() => String)
  async *ticks(@Claim('sub') sub: string): AsyncGenerator<{ ticks: string }> {
    for (let n = 1; n <= 2; n += 1) yield { ticks: `${sub} ${n}` };
  }
}

// The passport bridge in a resolver: the strategy reads the GraphQL context's request.
@Injectable()
class GqlPassportStrategy extends PassportStrategy(TokenwardStrategy, 'gql-jwt') {
  constructor() {
    super({ ...verifierOptions, clock: () => now * 1000 });
  }

  validate(payload: JwtClaims) {
    return payload;
  }
}

@Injectable()
class GqlAuthGuard extends AuthGuard('gql-jwt') {
  override getRequest(context: ExecutionContext) {
    return context.getArgByIndex<{ req: unknown }>(2).req;
  }
}

@Resolver()
class BridgeResolver {
  @UseGuards(GqlAuthGuard)
  @Query(() => String)
  bridged(): string {
    ran.push('bridged');
    return 'ok';
  }
}

// A store whose backend is down: refusals are 503.
const down: RevocationStore = {
  isRevoked: () => Promise.reject(new Error('connect ECONNREFUSED')),
  revoke: () => Promise.resolve(),
  revokeSubject: () => Promise.resolve(),
};
let store: RevocationStore = new MemoryRevocationStore({ clock: () => now * 1000 });
const switchable: RevocationStore = {
  isRevoked: (claims) => store.isRevoked(claims),
  revoke: (entry) => store.revoke(entry),
  revokeSubject: (rule) => store.revokeSubject(rule),
};

describe('JwtGuard in GraphQL resolvers (@nestjs/graphql + Apollo Server)', () => {
  let app: INestApplication;
  let url: string;
  let auth: JwtAuthService;
  const clients: Client[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        JwtAuthModule.forRoot({
          ...verifierOptions,
          clock: () => now * 1000,
          revocation: switchable,
          global: true,
        }),
        PassportModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [JwtAuthService],
          useFactory: (service: JwtAuthService) => ({
            autoSchemaFile: true,
            includeStacktraceInErrorResponses: false,
            subscriptions: { 'graphql-ws': { onConnect: graphqlWsAuth(service) } },
          }),
        }),
      ],
      providers: [AccountResolver, BridgeResolver, GqlPassportStrategy],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = `127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    auth = app.get(JwtAuthService);
  });
  afterEach(async () => {
    now = NOW;
    store = new MemoryRevocationStore({ clock: () => now * 1000 });
    ran.splice(0);
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(() => app.close());

  function post(query: string, authorization?: string) {
    const req = request(app.getHttpServer()).post('/graphql').send({ query });
    return authorization === undefined ? req : req.set('Authorization', authorization);
  }

  it('answers a query with @Claim in the resolver', async () => {
    const res = await post('{ me }', bearer(await token()));
    expect(res.body).toEqual({ data: { me: 'alice' } });
  });

  it.each([
    ['no token', undefined, 'UNAUTHENTICATED', 'ERR_JWT_MISSING', 401],
    ['a malformed header', 'Bearer a b', 'BAD_REQUEST', 'ERR_JWT_INVALID_REQUEST', 400],
  ])('refuses %s without any filter of the app', async (_name, header, code, jwtCode, status) => {
    const res = await post('{ me }', header);
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({
      message: expect.any(String) as string,
      path: ['me'],
      extensions: { code, tokenward: { code: jwtCode, status } },
    });
    expect(res.body.errors[0].message).not.toMatch(/Exception/);
    expect(ran).toEqual([]);
  });

  it('refuses an expired token: UNAUTHENTICATED, the description as message', async () => {
    const res = await post('{ me }', bearer(await token({ exp: NOW - 60 })));
    expect(res.body.errors[0]).toMatchObject({
      message: 'The access token expired',
      extensions: { code: 'UNAUTHENTICATED', tokenward: { code: 'ERR_JWT_EXPIRED', status: 401 } },
    });
  });

  it('runs a mutation with @Roles for an admin, FORBIDDEN for anybody else', async () => {
    const mutation = 'mutation { promote(user: "bob") }';
    const admin = await post(mutation, bearer(await token({ roles: ['admin'] })));
    expect(admin.body).toEqual({ data: { promote: 'alice promoted bob' } });
    const user = await post(mutation, bearer(await token({ roles: ['user'] })));
    expect(user.body.errors[0]).toMatchObject({
      message: 'The access token does not grant the required scope',
      extensions: {
        code: 'FORBIDDEN',
        tokenward: { code: 'ERR_JWT_INSUFFICIENT_SCOPE', status: 403 },
      },
    });
    expect(ran).toEqual(['promote']);
  });

  it('answers SERVICE_UNAVAILABLE (retry later) when the revocation store is down', async () => {
    store = down;
    const res = await post('{ me }', bearer(await token({ jti: 'gql-503' })));
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      tokenward: { code: 'ERR_REVOCATION_UNAVAILABLE', status: 503 },
    });
  });

  it('gives the passport bridge the same answers: tokenward extensions on a bad token', async () => {
    const expired = await post('{ bridged }', bearer(await token({ exp: NOW - 60 })));
    expect(expired.body.errors[0]).toMatchObject({
      message: 'The access token expired',
      extensions: { code: 'UNAUTHENTICATED', tokenward: { code: 'ERR_JWT_EXPIRED', status: 401 } },
    });
    // A missing token stays passport's own failure: UNAUTHENTICATED.
    const missing = await post('{ bridged }');
    expect(missing.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await expect(post('{ bridged }', bearer(await token()))).resolves.toMatchObject({
      body: { data: { bridged: 'ok' } },
    });
  });

  describe('subscriptions over graphql-ws', () => {
    function connect(connectionParams: Record<string, unknown>): {
      client: Client;
      closed: Promise<{ code: number; reason: string }>;
    } {
      let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
      const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
      const client = createClient({
        url: `ws://${url}`,
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
      });
      clients.push(client);
      return { client, closed };
    }

    async function run(client: Client, query: string): Promise<unknown[]> {
      const results: unknown[] = [];
      await new Promise<void>((resolve, reject) =>
        client.subscribe(
          { query },
          { next: (value) => results.push(value), error: reject, complete: resolve },
        ),
      );
      return results;
    }

    it('verifies the connection params at connect, then every operation', async () => {
      const accessToken = await token({ jti: 'gql-ws-1' });
      const { client } = connect({ authorization: bearer(accessToken) });
      await expect(run(client, 'subscription { ticks }')).resolves.toEqual([
        { data: { ticks: 'alice 1' } },
        { data: { ticks: 'alice 2' } },
      ]);
      // Logout: the next operation on the same open connection is refused.
      await auth.revoke((await auth.verify<JwtClaims>(accessToken)).payload);
      const [refused] = (await run(client, 'subscription { ticks }')) as [
        { errors: { message: string; extensions: unknown }[] },
      ];
      expect(refused.errors[0]).toMatchObject({
        message: 'The access token was revoked',
        extensions: {
          code: 'UNAUTHENTICATED',
          tokenward: { code: 'ERR_JWT_REVOKED', status: 401 },
        },
      });
    });

    it('closes a connection without a valid token with 4401 and the tokenward code', async () => {
      const missing = connect({});
      await expect(missing.closed).resolves.toMatchObject({
        code: 4401,
        reason: 'ERR_JWT_MISSING',
      });
      const expired = connect({ authorization: bearer(await token({ exp: NOW - 60 })) });
      await expect(expired.closed).resolves.toMatchObject({
        code: 4401,
        reason: 'ERR_JWT_EXPIRED',
      });
    });
  });
});
