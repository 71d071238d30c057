// Public surface of @tokenward/nestjs: explicit named re-exports only (locked by test/exports.test.ts).
// The Passport bridge lives at '@tokenward/nestjs/passport'.
export { JwtAuthModule } from './jwt-auth.module.js';
export { JWT_AUTH_OPTIONS } from './jwt-auth.constants.js';
export { JwtAuthService } from './jwt-auth.service.js';
export type { AuthenticateOptions } from './jwt-auth.service.js';
export { JwtGuard } from './guards/jwt.guard.js';
export { JwtHttpException } from './errors/jwt-http-exception.js';
export { Public } from './decorators/public.decorator.js';
export { OptionalAuth } from './decorators/optional-auth.decorator.js';
export { Roles } from './decorators/roles.decorator.js';
export { Scopes } from './decorators/scopes.decorator.js';
export { Claim, Claims } from './decorators/claims.decorator.js';
export { AccessToken } from './decorators/access-token.decorator.js';
export { RequireClaims } from './decorators/require-claims.decorator.js';
export { RequireDpop } from './decorators/require-dpop.decorator.js';
export type { ClaimsPredicate } from './decorators/require-claims.decorator.js';
export type { RequirementOptions } from './lib/requirement-decorator.js';
export type {
  JwtAuthAsyncOptions,
  JwtAuthModuleExtras,
  JwtAuthModuleOptions,
  JwtAuthOptions,
  JwtAuthOptionsFactory,
} from './options/jwt-auth-options.js';
