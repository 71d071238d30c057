/**
 * Where a claim lives in a claims set.
 *
 * - A string: an exact top-level claim name wins (`"https://example.com/roles"`, `"cognito:groups"`,
 *   `"scope"`); only when no such top-level claim exists is the string split on `.` and walked as a
 *   nested path (`"realm_access.roles"`, `"resource_access.my-client.roles"`).
 * - An array of segments: always walked segment by segment, with no splitting at all
 *   (`["resource_access", "my.client", "roles"]`), for names that contain dots at any depth.
 *
 * In the `rolesClaim`/`scopesClaim` options a flat array of strings is a list of string paths, so a
 * segments path is written nested there: `rolesClaim: [['resource_access', 'my.client', 'roles']]`.
 *
 * @example
 * ```ts
 * const keycloakRealm: ClaimPath = 'realm_access.roles';
 * const auth0Namespaced: ClaimPath = 'https://example.com/roles';
 * const keycloakClient: ClaimPath = ['resource_access', 'my.client', 'roles'];
 * ```
 */
export type ClaimPath = string | readonly string[];
