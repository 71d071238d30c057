// Public surface of @tokenward/express: explicit named re-exports only (locked by test/exports.test.ts).
export { jwt } from './jwt.js';
export type { JwtOptions } from './options.js';
export { requireRoles } from './require-roles.js';
export { requireScopes } from './require-scopes.js';
export { requireClaims } from './require-claims.js';
export { withAuth } from './with-auth.js';
export type {
  AuthenticatedRequest,
  AuthRequest,
  ErrorRenderer,
  OnError,
  RequirementOptions,
  UnlessMiddleware,
} from './types.js';
export type { UnlessOptions, UnlessPath } from './unless-options.js';
export { JwtError } from '@tokenward/core';
