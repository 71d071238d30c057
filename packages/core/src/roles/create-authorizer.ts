import type { Requirement } from '../auth/authenticator-types.js';
import { JwtError } from '../errors/jwt-error.js';
import type { JwtClaims } from '../types/claims.js';
import type { ClaimPath } from './claim-path.js';
import { claimPathsOption } from './claim-paths-option.js';
import { claimValues } from './read-claim.js';
import { checkRequirement, type CheckedRequirement } from './requirement.js';
import { compileRoleHierarchy } from './role-hierarchy.js';

/**
 * Where roles and scopes are read from, and which roles imply others.
 *
 * @example
 * ```ts
 * const options: AuthorizerOptions = {
 *   rolesClaim: ['realm_access.roles', ['resource_access', 'my.app', 'roles']],
 *   scopesClaim: ['scope', 'permissions'],
 *   roleHierarchy: { admin: ['editor'], editor: ['viewer'] },
 * };
 * ```
 */
export interface AuthorizerOptions {
  /** Where roles are read from; several locations are merged. Default `'roles'`. */
  rolesClaim?: ClaimPath | readonly ClaimPath[];
  /** Where scopes are read from; a string is split on spaces. Default `['scope', 'scp']`. */
  scopesClaim?: ClaimPath | readonly ClaimPath[];
  /** Role → roles it implies, transitively. */
  roleHierarchy?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Checks roles and scopes of verified claims.
 *
 * @example
 * ```ts
 * const authorizer = createAuthorizer({ rolesClaim: 'realm_access.roles' });
 * authorizer.authorize({ realm_access: { roles: ['admin'] } }, { roles: ['admin'] });
 * ```
 */
export interface Authorizer<T = JwtClaims> {
  /** The roles the claims hold, hierarchy applied. */
  roles(claims: T): Set<string>;
  /** The scopes the claims hold. */
  scopes(claims: T): Set<string>;
  /** Whether the claims meet the requirement (`false` for no claims). */
  satisfies(claims: T | undefined, requirement: Requirement): boolean;
  /**
   * Throws `ERR_JWT_INSUFFICIENT_SCOPE` (403, `scope` listing every required value) when the
   * claims do not meet the requirement, `ERR_JWT_MISSING` (401) when there are no claims.
   */
  authorize(claims: T | undefined, requirement: Requirement): void;
}

/** Default claim locations: `roles`; `scope` (OAuth 2.0) and `scp` (Entra ID, Okta). */
export const DEFAULT_ROLES_CLAIM: readonly ClaimPath[] = Object.freeze(['roles']);
export const DEFAULT_SCOPES_CLAIM: readonly ClaimPath[] = Object.freeze(['scope', 'scp']);

function meets(held: Set<string>, wanted: readonly string[], mode: 'all' | 'any'): boolean {
  if (wanted.length === 0) return true;
  return mode === 'all' ? wanted.every((w) => held.has(w)) : wanted.some((w) => held.has(w));
}

/**
 * Builds the roles/scopes check behind `requireRoles`, `@Roles()` and `authorize`. Options are
 * validated here (`ERR_JWT_CONFIG_INVALID` naming the option).
 *
 * @param options - claim locations and role hierarchy
 * @example
 * ```ts
 * const authorizer = createAuthorizer({
 *   rolesClaim: 'https://example.com/roles',
 *   roleHierarchy: { admin: ['editor'] },
 * });
 * authorizer.satisfies({ 'https://example.com/roles': ['admin'] }, { roles: ['editor'] }); // true
 * ```
 */
export function createAuthorizer<T = JwtClaims>(options: AuthorizerOptions = {}): Authorizer<T> {
  const rolePaths = claimPathsOption(options.rolesClaim, DEFAULT_ROLES_CLAIM, 'rolesClaim');
  const scopePaths = claimPathsOption(options.scopesClaim, DEFAULT_SCOPES_CLAIM, 'scopesClaim');
  const expand = compileRoleHierarchy(options.roleHierarchy);
  const roles = (claims: T): Set<string> => expand(claimValues(claims, rolePaths));
  const scopes = (claims: T): Set<string> => new Set(claimValues(claims, scopePaths));
  const satisfied = (claims: T, requirement: CheckedRequirement): boolean =>
    meets(
      requirement.roles.length === 0 ? new Set() : roles(claims),
      requirement.roles,
      requirement.mode,
    ) &&
    meets(
      requirement.scopes.length === 0 ? new Set() : scopes(claims),
      requirement.scopes,
      requirement.mode,
    );
  return {
    roles,
    scopes,
    satisfies(claims, requirement) {
      const checked = checkRequirement(requirement);
      return claims !== undefined && claims !== null && satisfied(claims, checked);
    },
    authorize(claims, requirement) {
      const checked = checkRequirement(requirement);
      if (claims === undefined || claims === null) throw new JwtError('ERR_JWT_MISSING');
      if (satisfied(claims, checked)) return;
      throw new JwtError('ERR_JWT_INSUFFICIENT_SCOPE', undefined, {
        scope: [...new Set([...checked.roles, ...checked.scopes])],
      });
    },
  };
}
