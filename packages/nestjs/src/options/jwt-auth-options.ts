import type { FactoryProvider, ModuleMetadata, Provider, Type } from '@nestjs/common';
import type { AuthenticatorOptions, Signer, SignerOptions } from '@tokenward/core';

/**
 * What `JwtAuthModule` needs at run time: core's authenticator options (algorithms, key, issuer,
 * audience, cookie, rolesClaim, scopesClaim, revocation, ...) plus an optional signer for login
 * routes. With no `key` and no `verifier`, the verifier options come from the environment
 * (`JWT_SECRET`, `JWT_ALGORITHMS`, ... — see core's `verifierOptionsFromEnv`), and the fields given
 * here override them.
 *
 * @example
 * ```ts
 * const options: JwtAuthOptions = {
 *   algorithms: ['RS256'],
 *   key: publicKeyPem,
 *   issuer: 'https://auth.example.com/',
 *   audience: 'https://api.example.com',
 *   rolesClaim: 'realm_access.roles',
 * };
 * ```
 */
export interface JwtAuthOptions extends AuthenticatorOptions {
  /**
   * How `JwtAuthService.sign` issues tokens: core `SignerOptions`, or a prebuilt `Signer`. Default:
   * no signer (an API that only verifies).
   */
  signer?: SignerOptions | Signer;
}

/**
 * Module-level switches, fixed when the module is declared (never from a factory).
 *
 * @example
 * ```ts
 * const extras: JwtAuthModuleExtras = { global: false, guard: 'global' };
 * ```
 */
export interface JwtAuthModuleExtras {
  /**
   * Register the module globally, so feature modules need not import it: `JwtGuard` and
   * `JwtAuthService` resolve everywhere. Default `true`. Pass `false` for a second configuration
   * that only the feature module importing it should use (another audience, say).
   */
  global?: boolean;
  /**
   * `'global'` registers `JwtGuard` as an `APP_GUARD`: every route is protected unless marked
   * `@Public()`. Default `'none'` (use `@UseGuards(JwtGuard)` where needed).
   */
  guard?: 'global' | 'none';
}

/**
 * Options of `JwtAuthModule.forRoot`: the run-time options and the module switches.
 *
 * @example
 * ```ts
 * const options: JwtAuthModuleOptions = { algorithms: ['HS256'], key: secret, guard: 'global' };
 * ```
 */
export interface JwtAuthModuleOptions extends JwtAuthOptions, JwtAuthModuleExtras {}

/**
 * A class that builds the options, for `forRootAsync({ useClass })` / `({ useExisting })`.
 *
 * @example
 * ```ts
 * @Injectable()
 * class AuthConfig implements JwtAuthOptionsFactory {
 *   createJwtAuthOptions(): JwtAuthOptions {
 *     return { algorithms: ['HS256'], key: process.env.JWT_SECRET };
 *   }
 * }
 * ```
 */
export interface JwtAuthOptionsFactory {
  /** Returns the options, possibly asynchronously. */
  createJwtAuthOptions(): JwtAuthOptions | Promise<JwtAuthOptions>;
}

/**
 * Options of `JwtAuthModule.forRootAsync`: exactly one of `useFactory`, `useClass`, `useExisting`.
 *
 * @example
 * ```ts
 * JwtAuthModule.forRootAsync({
 *   imports: [ConfigModule],
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({ algorithms: ['HS256'], key: config.secret }),
 * });
 * ```
 */
export interface JwtAuthAsyncOptions extends Pick<ModuleMetadata, 'imports'>, JwtAuthModuleExtras {
  /** Providers injected into `useFactory`. */
  inject?: FactoryProvider['inject'];
  /** Builds the options from injected providers. */
  useFactory?: (...args: any[]) => JwtAuthOptions | Promise<JwtAuthOptions>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A factory class instantiated inside this module. */
  useClass?: Type<JwtAuthOptionsFactory>;
  /** An existing provider (from `imports`) implementing `JwtAuthOptionsFactory`. */
  useExisting?: Type<JwtAuthOptionsFactory>;
  /** More providers to register in the module (e.g. what `useClass` needs). */
  extraProviders?: Provider[];
}
