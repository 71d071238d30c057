import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Requirement } from '@tokenward/core';
import type { ClaimsPredicate } from '../decorators/require-claims.decorator.js';
import type { AuthenticateOptions } from '../jwt-auth.service.js';
import {
  CLAIMS_PREDICATE_KEY,
  OPTIONAL_AUTH_KEY,
  PUBLIC_KEY,
  REQUIRE_DPOP_KEY,
  ROLES_KEY,
  SCOPES_KEY,
  type RequirementMetadata,
} from './metadata-keys.js';

/** A route handler or controller class: where route decorators store their metadata. */
type DecoratedTarget = ReturnType<ExecutionContext['getHandler']>;

/** What the decorators of one route ask for, read once. */
export interface RoutePlan {
  readonly isPublic: boolean;
  readonly requirements: readonly Requirement[];
  readonly predicates: readonly ClaimsPredicate[];
  /** `@RequireDpop()`: the request must have been authenticated with a DPoP proof. */
  readonly requireDpop: boolean;
  /** What the route asks of authentication (`{ optional }`), built once. */
  readonly authenticate: AuthenticateOptions;
}

// Controller predicates first, then the route's: all of them must hold.
function predicates(reflector: Reflector, targets: readonly DecoratedTarget[]): ClaimsPredicate[] {
  return [...targets]
    .reverse()
    .map((target) => reflector.get<ClaimsPredicate | undefined>(CLAIMS_PREDICATE_KEY, target))
    .filter((p): p is ClaimsPredicate => p !== undefined);
}

// Controller requirements first, then the route's: all of them apply.
function requirements(reflector: Reflector, targets: readonly DecoratedTarget[]): Requirement[] {
  const result: Requirement[] = [];
  for (const target of [...targets].reverse()) {
    for (const [key, field] of [
      [ROLES_KEY, 'roles'],
      [SCOPES_KEY, 'scopes'],
    ] as const) {
      const meta = reflector.get<RequirementMetadata | undefined>(key, target);
      if (meta) result.push({ [field]: meta.values, mode: meta.mode });
    }
  }
  return result;
}

/**
 * Reads what a route's decorators ask for: `@Public()`, `@OptionalAuth()`, `@Roles`, `@Scopes`,
 * `@RequireClaims`, `@RequireDpop()`, on the handler and its class. Requiring roles, scopes,
 * claims or DPoP implies requiring a token.
 *
 * @param reflector - Nest's reflector
 * @param targets - the handler, then its class
 */
export function readRoutePlan(
  reflector: Reflector,
  targets: readonly DecoratedTarget[],
): RoutePlan {
  const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [...targets]) === true;
  const required = requirements(reflector, targets);
  const checks = predicates(reflector, targets);
  const optionalMark = reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, [...targets]);
  const requireDpop = reflector.getAllAndOverride<boolean>(REQUIRE_DPOP_KEY, [...targets]) === true;
  const mustAuthenticate = required.length > 0 || checks.length > 0 || requireDpop;
  const optional = mustAuthenticate ? false : optionalMark === true ? true : undefined;
  return {
    isPublic,
    requirements: required,
    predicates: checks,
    requireDpop,
    authenticate: Object.freeze({ optional }),
  };
}
