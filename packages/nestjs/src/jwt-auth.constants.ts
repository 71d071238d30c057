/**
 * Injection token of the resolved `JwtAuthOptions` (from `forRoot` or the `forRootAsync` factory).
 *
 * @example
 * ```ts
 * @Injectable()
 * class AuthInfo {
 *   constructor(@Inject(JWT_AUTH_OPTIONS) readonly options: JwtAuthOptions) {}
 * }
 * ```
 */
export const JWT_AUTH_OPTIONS = Symbol.for('@tokenward/nestjs.options');
