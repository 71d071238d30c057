import { configError } from '../errors/jwt-error.js';

/** Expands held roles with every role they imply. */
export type RoleExpander = (roles: Iterable<string>) => Set<string>;

/**
 * Compiles a role hierarchy (`{ admin: ['editor'], editor: ['viewer'] }`) into an expander that
 * adds every transitively implied role. Cycles are harmless (`a → b → a` gives both).
 *
 * @param hierarchy - role → directly implied roles; validated here
 * @param option - option name for messages
 */
export function compileRoleHierarchy(hierarchy: unknown, option = 'roleHierarchy'): RoleExpander {
  if (hierarchy === undefined) return (roles) => new Set(roles);
  if (typeof hierarchy !== 'object' || hierarchy === null || Array.isArray(hierarchy)) {
    configError(option, 'must be an object mapping a role to the roles it implies');
  }
  const direct = new Map<string, readonly string[]>();
  for (const [role, implied] of Object.entries(hierarchy)) {
    if (!Array.isArray(implied) || !implied.every((r) => typeof r === 'string' && r !== '')) {
      configError(`${option}.${role}`, 'must be an array of role names');
    }
    direct.set(role, implied);
  }
  // Closure per role, computed once: depth-first with a visited set, so cycles terminate.
  const closure = new Map<string, readonly string[]>();
  for (const role of direct.keys()) {
    const seen = new Set<string>([role]);
    const stack = [role];
    while (stack.length > 0) {
      for (const next of direct.get(stack.pop() as string) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    closure.set(role, [...seen]);
  }
  return (roles) => {
    const out = new Set<string>();
    for (const role of roles) {
      out.add(role);
      for (const implied of closure.get(role) ?? []) out.add(implied);
    }
    return out;
  };
}
