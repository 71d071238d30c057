// Reflect-metadata keys of the route decorators. Internal: users go through the decorators.
export const PUBLIC_KEY = 'tokenward:public';
export const OPTIONAL_AUTH_KEY = 'tokenward:optional-auth';
export const ROLES_KEY = 'tokenward:roles';
export const SCOPES_KEY = 'tokenward:scopes';

/** What `@Roles` / `@Scopes` store: the values and whether all or any of them are needed. */
export interface RequirementMetadata {
  values: string[];
  mode: 'all' | 'any';
}
export const CLAIMS_PREDICATE_KEY = 'tokenward:claims-predicate';
export const REQUIRE_DPOP_KEY = 'tokenward:require-dpop';
