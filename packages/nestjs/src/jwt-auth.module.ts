import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtGuard } from './guards/jwt.guard.js';
import { JWT_AUTH_OPTIONS } from './jwt-auth.constants.js';
import { JwtAuthService } from './jwt-auth.service.js';
import type {
  JwtAuthAsyncOptions,
  JwtAuthModuleExtras,
  JwtAuthModuleOptions,
  JwtAuthOptions,
  JwtAuthOptionsFactory,
} from './options/jwt-auth-options.js';
import { checkOptionNames, configError } from '@tokenward/core';
import { JWT_AUTH_HINTS, JWT_AUTH_OPTION_KEYS } from './jwt-auth.service.js';

/** The keys of forRoot (the module options plus the extras) and forRootAsync, declared once. */
const FOR_ROOT_KEYS = [...JWT_AUTH_OPTION_KEYS, 'global', 'guard'];
const FOR_ROOT_ASYNC_KEYS = [
  'imports',
  'inject',
  'useFactory',
  'useClass',
  'useExisting',
  'extraProviders',
  'global',
  'guard',
];

function checkExtras({ global, guard }: JwtAuthModuleExtras): void {
  if (global !== undefined && typeof global !== 'boolean')
    configError('global', 'must be a boolean');
  if (guard !== undefined && guard !== 'global' && guard !== 'none') {
    configError('guard', 'must be "global" or "none"');
  }
}

function assemble(
  optionsProvider: Provider,
  extras: JwtAuthModuleExtras,
  imports: DynamicModule['imports'] = [],
  extraProviders: Provider[] = [],
): DynamicModule {
  checkExtras(extras);
  const providers: Provider[] = [optionsProvider, JwtAuthService, JwtGuard, ...extraProviders];
  // One guard instance serves both the global registration and @UseGuards(JwtGuard).
  if (extras.guard === 'global') providers.push({ provide: APP_GUARD, useExisting: JwtGuard });
  return {
    module: JwtAuthModule,
    // Global by default: `@UseGuards(JwtGuard)` works in every feature module.
    global: extras.global ?? true,
    imports,
    providers,
    exports: [JWT_AUTH_OPTIONS, JwtAuthService, JwtGuard],
  };
}

/**
 * The tokenward module: provides `JwtAuthService` and `JwtGuard` (and `JWT_AUTH_OPTIONS`).
 *
 * @example
 * ```ts
 * @Module({
 *   imports: [
 *     JwtAuthModule.forRoot({
 *       algorithms: ['HS256'],
 *       key: process.env.JWT_SECRET,
 *       issuer: 'my-app',
 *       guard: 'global',
 *     }),
 *   ],
 * })
 * class AppModule {}
 * ```
 */
@Module({})
export class JwtAuthModule {
  /**
   * Configures the module with static options. With no options (or no `key`/`verifier`), the
   * verifier is configured from the environment (`JWT_SECRET`, `JWT_ALGORITHMS`, ...).
   *
   * @param options - authenticator options plus `global` and `guard`
   * @example
   * ```ts
   * JwtAuthModule.forRoot({ guard: 'global' });
   * ```
   */
  static forRoot(options: JwtAuthModuleOptions = {}): DynamicModule {
    if (typeof options !== 'object' || options === null)
      configError('options', 'must be an object');
    checkOptionNames(options, FOR_ROOT_KEYS, 'JwtAuthModule.forRoot()', JWT_AUTH_HINTS);
    const { global, guard, ...runtime } = options;
    return assemble({ provide: JWT_AUTH_OPTIONS, useValue: runtime }, { global, guard });
  }

  /**
   * Configures the module from other providers (a config service, a secrets client).
   *
   * @param options - `imports`, and exactly one of `useFactory` (with `inject`), `useClass`,
   *   `useExisting`; plus `global` and `guard`
   * @example
   * ```ts
   * JwtAuthModule.forRootAsync({
   *   imports: [ConfigModule],
   *   inject: [ConfigService],
   *   useFactory: (config: ConfigService) => ({
   *     algorithms: ['RS256'],
   *     key: config.get('JWT_PUBLIC_KEY'),
   *   }),
   *   guard: 'global',
   * });
   * ```
   */
  static forRootAsync(options: JwtAuthAsyncOptions): DynamicModule {
    if (typeof options !== 'object' || options === null)
      configError('options', 'must be an object');
    // The module options themselves are checked when the factory's result reaches the service.
    checkOptionNames(options, FOR_ROOT_ASYNC_KEYS, 'JwtAuthModule.forRootAsync()', {
      useValue: 'use forRoot(options), or useFactory: () => options',
    });
    const { imports, inject, useFactory, useClass, useExisting, extraProviders } = options;
    const given = [useFactory, useClass, useExisting].filter((v) => v !== undefined).length;
    if (given !== 1)
      configError('forRootAsync', 'needs exactly one of useFactory, useClass, useExisting');
    const providers: Provider[] = [...(extraProviders ?? [])];
    let optionsProvider: Provider;
    if (useFactory !== undefined) {
      if (typeof useFactory !== 'function') configError('useFactory', 'must be a function');
      optionsProvider = { provide: JWT_AUTH_OPTIONS, useFactory, inject: inject ?? [] };
    } else {
      const factoryClass = (useClass ?? useExisting) as JwtAuthOptionsFactory & (new () => unknown);
      if (useClass !== undefined) providers.push({ provide: useClass, useClass });
      optionsProvider = {
        provide: JWT_AUTH_OPTIONS,
        useFactory: (factory: JwtAuthOptionsFactory): Promise<JwtAuthOptions> | JwtAuthOptions =>
          factory.createJwtAuthOptions(),
        inject: [factoryClass],
      };
    }
    return assemble(optionsProvider, options, imports, providers);
  }
}
