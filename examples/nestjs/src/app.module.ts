import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { graphqlWsAuth, JwtAuthModule, JwtAuthService } from '@tokenward/nestjs';
import { AccountResolver } from './account.resolver.js';
import { ApiController } from './api.controller.js';
import { AuthController } from './auth.controller.js';
import { TOKEN_LIFETIME_SECONDS, type ExampleConfig } from './config.js';
import { EventsGateway } from './events.gateway.js';
import { dpopReplay } from './dpop-replay.js';
import { Revocation, RevocationModule } from './revocation.module.js';

/**
 * The example application: one global JwtGuard, a login/logout controller and three resources,
 * the same account over GraphQL (`/graphql`) and socket.io events.
 */
@Module({})
export class AppModule {
  static register(config: ExampleConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        JwtAuthModule.forRootAsync({
          imports: [RevocationModule.register(config)],
          inject: [Revocation],
          useFactory: (revocation: Revocation) => ({
            algorithms: ['HS256'],
            key: config.secret,
            issuer: config.issuer,
            audience: config.audience,
            // Every token must carry a jti, so that logout can revoke it.
            requiredClaims: ['exp', 'jti'],
            cookie: 'access_token',
            revocation: revocation.store,
            // DPoP-bound tokens come with `Authorization: DPoP` and a fresh proof per request.
            dpop: { replay: dpopReplay },
            signer: {
              algorithm: 'HS256',
              key: config.secret,
              issuer: config.issuer,
              audience: config.audience,
              expiresIn: TOKEN_LIFETIME_SECONDS,
            },
          }),
          guard: 'global',
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [JwtAuthService],
          useFactory: (auth: JwtAuthService) => ({
            autoSchemaFile: true,
            subscriptions: { 'graphql-ws': { onConnect: graphqlWsAuth(auth) } },
          }),
        }),
      ],
      controllers: [AuthController, ApiController],
      providers: [AccountResolver, EventsGateway],
    };
  }
}
