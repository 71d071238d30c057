import type { ClaimPath } from './claim-path.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    // Own properties only: a claim path never reaches `constructor`, `__proto__` or the prototype.
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Reads one claim by path. A string path: an exact top-level claim name wins, otherwise the
 * string is split on `.` and walked. An array path: walked segment by segment, never split.
 *
 * @param claims - the verified claims
 * @param path - where the claim lives
 * @returns the claim value, or `undefined` when the path does not exist
 * @example
 * ```ts
 * readClaim({ realm_access: { roles: ['admin'] } }, 'realm_access.roles'); // ['admin']
 * readClaim({ 'https://example.com/roles': ['admin'] }, 'https://example.com/roles'); // ['admin']
 * readClaim({ resource_access: { 'my.app': { roles: ['x'] } } }, ['resource_access', 'my.app', 'roles']); // ['x']
 * ```
 */
export function readClaim(claims: unknown, path: ClaimPath): unknown {
  if (typeof path !== 'string') return walk(claims, path);
  if (isRecord(claims) && Object.hasOwn(claims, path)) return claims[path];
  return path.includes('.') ? walk(claims, path.split('.')) : undefined;
}

/**
 * The string values found at some claim paths, merged: a string is split on spaces (RFC 6749
 * `scope`), an array contributes its string elements; anything else contributes nothing.
 *
 * @param claims - the verified claims
 * @param paths - where to look
 * @example
 * ```ts
 * claimValues({ scope: 'read write', scp: ['admin'] }, ['scope', 'scp']); // ['read', 'write', 'admin']
 * ```
 */
export function claimValues(claims: unknown, paths: readonly ClaimPath[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    const value = readClaim(claims, path);
    if (typeof value === 'string') {
      for (const part of value.split(' ')) if (part !== '') out.push(part);
    } else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string' && item !== '') out.push(item);
    }
  }
  return out;
}
