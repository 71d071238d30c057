import {
  claimValues,
  createAuthorizer,
  readClaim,
  type AuthorizerOptions,
  type Requirement,
} from '@tokenward/core';
import { thrown } from '../helpers/jwt-errors';

describe('readClaim paths', () => {
  const claims = {
    roles: ['user'],
    scope: 'read:a  write:a',
    scp: ['read:b'],
    permissions: ['delete:x'],
    groups: ['staff'],
    'cognito:groups': ['ops'],
    'https://example.com/roles': ['editor'],
    'https://example.com': { roles: ['wrong'] },
    realm_access: { roles: ['realm-admin'] },
    resource_access: {
      'my-client': { roles: ['client-role'] },
      'my.client': { roles: ['dotted'] },
    },
    'a.b': 'top-level wins',
    a: { b: 'nested loses' },
  };

  it.each([
    ['roles', ['user']],
    ['scope', 'read:a  write:a'],
    ['cognito:groups', ['ops']],
    ['https://example.com/roles', ['editor']],
    ['realm_access.roles', ['realm-admin']],
    ['resource_access.my-client.roles', ['client-role']],
    ['a.b', 'top-level wins'],
    ['missing', undefined],
    ['realm_access.missing.roles', undefined],
    ['roles.length', undefined],
    ['constructor', undefined],
    ['__proto__', undefined],
    ['realm_access.constructor', undefined],
  ])('reads %s', (path, expected) => {
    expect(readClaim(claims, path)).toEqual(expected);
  });

  it('walks an array of segments without splitting, for dotted names at any depth', () => {
    expect(readClaim(claims, ['resource_access', 'my.client', 'roles'])).toEqual(['dotted']);
    expect(readClaim(claims, ['a', 'b'])).toBe('nested loses');
    expect(readClaim(claims, ['a.b'])).toBe('top-level wins');
  });

  it('merges values: strings split on spaces, arrays keep their strings', () => {
    expect(claimValues(claims, ['scope', 'scp'])).toEqual(['read:a', 'write:a', 'read:b']);
    expect(claimValues({ roles: ['a', 1, null, '', 'b'] }, ['roles'])).toEqual(['a', 'b']);
    expect(claimValues({ roles: { admin: true } }, ['roles'])).toEqual([]);
    expect(claimValues(null, ['roles'])).toEqual([]);
  });
});

describe('createAuthorizer', () => {
  it('reads roles from `roles` and scopes from `scope`/`scp` by default', () => {
    const authorizer = createAuthorizer();
    const claims = { roles: ['user'], scope: 'read write', scp: ['admin:all'] };
    expect([...authorizer.roles(claims)]).toEqual(['user']);
    expect([...authorizer.scopes(claims)].sort()).toEqual(['admin:all', 'read', 'write']);
  });

  it.each<[string, AuthorizerOptions, Record<string, unknown>]>([
    [
      'Keycloak realm roles',
      { rolesClaim: 'realm_access.roles' },
      { realm_access: { roles: ['admin'] } },
    ],
    [
      'Keycloak client roles',
      { rolesClaim: 'resource_access.api.roles' },
      { resource_access: { api: { roles: ['admin'] } } },
    ],
    [
      'Auth0 namespaced roles',
      { rolesClaim: 'https://example.com/roles' },
      { 'https://example.com/roles': ['admin'] },
    ],
    ['Cognito groups', { rolesClaim: 'cognito:groups' }, { 'cognito:groups': ['admin'] }],
    ['Entra groups', { rolesClaim: 'groups' }, { groups: ['admin'] }],
    [
      'a dotted client id',
      { rolesClaim: [['resource_access', 'my.app', 'roles']] },
      { resource_access: { 'my.app': { roles: ['admin'] } } },
    ],
    [
      'several locations merged',
      { rolesClaim: ['roles', 'groups'] },
      { roles: ['user'], groups: ['admin'] },
    ],
  ])('finds the admin role with %s', (_name, options, claims) => {
    const authorizer = createAuthorizer(options);
    expect(() => authorizer.authorize(claims, { roles: ['admin'] })).not.toThrow();
    expect(authorizer.satisfies(claims, { roles: ['admin'] })).toBe(true);
    expect(authorizer.satisfies({ roles: ['user'] }, { roles: ['admin'] })).toBe(false);
  });

  it('reads Auth0 RBAC permissions as scopes when configured', () => {
    const authorizer = createAuthorizer({ scopesClaim: ['scope', 'permissions'] });
    expect(authorizer.satisfies({ permissions: ['read:users'] }, { scopes: ['read:users'] })).toBe(
      true,
    );
    expect(
      createAuthorizer().satisfies({ permissions: ['read:users'] }, { scopes: ['read:users'] }),
    ).toBe(false);
  });

  it('requires all by default, any on request', () => {
    const authorizer = createAuthorizer();
    const claims = { scope: 'read:a' };
    const all: Requirement = { scopes: ['read:a', 'read:b'] };
    const any: Requirement = { scopes: ['read:a', 'read:b'], mode: 'any' };
    expect(authorizer.satisfies(claims, all)).toBe(false);
    expect(authorizer.satisfies(claims, any)).toBe(true);
    expect(authorizer.satisfies({ scope: 'x' }, any)).toBe(false);
  });

  it('needs both lists when roles and scopes are both required', () => {
    const authorizer = createAuthorizer();
    const need: Requirement = { roles: ['admin'], scopes: ['write'], mode: 'any' };
    expect(authorizer.satisfies({ roles: ['admin'], scope: 'write' }, need)).toBe(true);
    expect(authorizer.satisfies({ roles: ['admin'] }, need)).toBe(false);
    expect(authorizer.satisfies({ scope: 'write' }, need)).toBe(false);
  });

  it('an empty requirement only needs claims', () => {
    const authorizer = createAuthorizer();
    expect(authorizer.satisfies({}, {})).toBe(true);
    expect(authorizer.satisfies(undefined, {})).toBe(false);
  });

  it('fails with 403 insufficient_scope listing every required value in the challenge', () => {
    const authorizer = createAuthorizer();
    const err = thrown(() =>
      authorizer.authorize(
        { roles: ['user'], scope: 'read' },
        { roles: ['admin'], scopes: ['read', 'write'] },
      ),
    );
    expect(err.code).toBe('ERR_JWT_INSUFFICIENT_SCOPE');
    expect(err.status).toBe(403);
    expect(err.scope).toEqual(['admin', 'read', 'write']);
    expect(err.headers['WWW-Authenticate']).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope", scope="admin read write"',
    );
    expect(err.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The access token does not grant the required scope',
      code: 'ERR_JWT_INSUFFICIENT_SCOPE',
    });
  });

  it('answers an anonymous request with 401 missing, not 403', () => {
    const err = thrown(() => createAuthorizer().authorize(undefined, { roles: ['admin'] }));
    expect(err.code).toBe('ERR_JWT_MISSING');
    expect(err.headers['WWW-Authenticate']).toBe('Bearer realm="api"');
  });
});

describe('role hierarchy', () => {
  const authorizer = createAuthorizer({
    roleHierarchy: {
      admin: ['editor'],
      editor: ['viewer'],
      owner: ['admin'],
      a: ['b'],
      b: ['a', 'c'],
    },
  });

  it('expands implied roles transitively', () => {
    expect([...authorizer.roles({ roles: ['owner'] })].sort()).toEqual([
      'admin',
      'editor',
      'owner',
      'viewer',
    ]);
    expect(authorizer.satisfies({ roles: ['admin'] }, { roles: ['viewer'] })).toBe(true);
    expect(authorizer.satisfies({ roles: ['editor'] }, { roles: ['admin'] })).toBe(false);
  });

  it('survives cycles', () => {
    expect([...authorizer.roles({ roles: ['a'] })].sort()).toEqual(['a', 'b', 'c']);
  });

  it('does not apply to scopes', () => {
    expect(authorizer.satisfies({ scope: 'admin' }, { scopes: ['editor'] })).toBe(false);
  });
});

describe('validation', () => {
  it.each([
    [{ rolesClaim: '' }, 'rolesClaim'],
    [{ rolesClaim: [] }, 'rolesClaim'],
    [{ scopesClaim: [['a', '']] }, 'scopesClaim'],
    [{ scopesClaim: 5 }, 'scopesClaim'],
    [{ roleHierarchy: ['admin'] }, 'roleHierarchy'],
    [{ roleHierarchy: { admin: 'editor' } }, 'roleHierarchy.admin'],
  ])('refuses %p naming the option', (options, name) => {
    expect(() => createAuthorizer(options as AuthorizerOptions)).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining(`"${name}"`),
      }),
    );
  });

  it.each([
    [{ roles: 'admin' }, 'requirement.roles'],
    [{ scopes: [''] }, 'requirement.scopes'],
    [{ roles: ['a'], mode: 'some' }, 'requirement.mode'],
  ])('refuses the requirement %p', (requirement, name) => {
    expect(() => createAuthorizer().authorize({}, requirement as Requirement)).toThrow(
      expect.objectContaining({
        code: 'ERR_JWT_CONFIG_INVALID',
        message: expect.stringContaining(`"${name}"`),
      }),
    );
  });
});
