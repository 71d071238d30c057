import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, UseGuards, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { Claim, JwtAuthModule, JwtGuard, Roles } from '@tokenward/nestjs';
import type { AddressInfo } from 'node:net';
import type { AppConfig, RunningApp } from '../adapter.js';

// `/protected` and `/admin` of AppConfig, as GraphQL fields and socket.io events: no filter of
// the app's own, the guard answers in each transport's terms.
@Resolver()
@UseGuards(JwtGuard)
class ConformanceResolver {
  @Query(() => String, { nullable: true })
  protected(@Claim('sub') sub: unknown) {
    return typeof sub === 'string' ? sub : null;
  }

  @Roles('admin')
  @Query(() => String, { nullable: true })
  admin(@Claim('sub') sub: unknown) {
    return typeof sub === 'string' ? sub : null;
  }
}

@WebSocketGateway()
@UseGuards(JwtGuard)
class ConformanceGateway {
  @SubscribeMessage('protected')
  protected(@Claim('sub') sub: unknown) {
    return { sub: typeof sub === 'string' ? sub : null };
  }

  @Roles('admin')
  @SubscribeMessage('admin')
  admin(@Claim('sub') sub: unknown) {
    return { sub: typeof sub === 'string' ? sub : null };
  }
}

/**
 * The routes of the conformance table over GraphQL (`POST /graphql`, Apollo) and socket.io
 * events, on platform-express.
 *
 * @param config - the profile's authentication options
 */
export async function startNestContexts(config: AppConfig): Promise<RunningApp> {
  @Module({
    imports: [
      JwtAuthModule.forRoot(config.auth),
      GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true }),
    ],
    providers: [ConformanceResolver, ConformanceGateway],
  })
  class ContextsModule {}
  const app: INestApplication = await NestFactory.create(ContextsModule, { logger: false });
  app.useWebSocketAdapter(new IoAdapter(app));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => app.close() };
}
