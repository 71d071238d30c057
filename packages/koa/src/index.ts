// Public surface of @tokenward/koa: explicit named re-exports only (locked by test/exports.test.ts).
export { jwt } from './jwt.js';
export type { KoaJwtOptions } from './options.js';
export { requireRoles } from './require-roles.js';
export { requireScopes } from './require-scopes.js';
export { requireClaims } from './require-claims.js';
export type { JwtState, OptionalJwtState, RequirementOptions, UnlessMiddleware } from './types.js';
export type { UnlessOptions, UnlessPath } from './unless-options.js';
export { JwtError } from '@tokenward/core';
