// Public surface of @tokenward/nestjs: explicit named re-exports only (locked by test/exports.test.ts).
// The Passport bridge lives at '@tokenward/nestjs/passport'.
export { JwtAuthModule } from './jwt-auth.module.js';
export { JWT_AUTH_OPTIONS } from './jwt-auth.constants.js';
export { JwtAuthService } from './jwt-auth.service.js';
export type { AuthenticateOptions } from './jwt-auth.service.js';
export { JwtGuard } from './guards/jwt.guard.js';
export { JwtHttpException } from './errors/jwt-http-exception.js';
export { JwtGraphQLException } from './errors/jwt-graphql-exception.js';
export type { JwtGraphQLExtensions } from './errors/graphql-extensions.js';
export type { JwtWsError } from './contexts/ws.transport.js';
export { graphqlWsAuth, socketIoAuth } from './contexts/connect-time.js';
export type { GraphQLWsConnectContext, SocketIoMiddleware } from './contexts/connect-time.js';
export { keepUpgradeRequest } from './contexts/upgrade-request.js';
export { Public } from './decorators/public.decorator.js';
export { OptionalAuth } from './decorators/optional-auth.decorator.js';
export { Roles } from './decorators/roles.decorator.js';
export { Scopes } from './decorators/scopes.decorator.js';
export { Claim, Claims } from './decorators/claims.decorator.js';
export type { ClaimName } from './decorators/claims.decorator.js';
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
// What a Nest app needs from core, so that it needs no direct @tokenward/core dependency.
export {
  clearAuthCookie,
  createRemoteJwks,
  generateSecret,
  JwtError,
  MemoryRevocationStore,
  serializeAuthCookie,
} from '@tokenward/core';
export type {
  AuthCookieOptions,
  AuthResult,
  JwsHeader,
  JwtClaims,
  JwtErrorCode,
  Requirement,
  RevocationStore,
  VerifyResult,
} from '@tokenward/core';
