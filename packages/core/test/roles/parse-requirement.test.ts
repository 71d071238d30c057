import { createAuthorizer, JwtError, parseRequirement } from '@tokenward/core';

// A configuration error (`ERR_JWT_CONFIG_INVALID`) whose message contains `message`.
const configError = (message: string) =>
  expect.objectContaining({
    code: 'ERR_JWT_CONFIG_INVALID',
    message: expect.stringContaining(message),
  });

describe('parseRequirement', () => {
  test('a list of values means all of them', () => {
    expect(parseRequirement('roles', ['admin', 'user'])).toEqual({
      roles: ['admin', 'user'],
      mode: 'all',
    });
    expect(parseRequirement('scopes', ['read'])).toEqual({ scopes: ['read'], mode: 'all' });
  });

  test('one array, then options that choose the mode', () => {
    expect(parseRequirement('roles', [['a', 'b'], { mode: 'any' }])).toEqual({
      roles: ['a', 'b'],
      mode: 'any',
    });
    expect(parseRequirement('scopes', [['x'], { mode: 'all' }])).toEqual({
      scopes: ['x'],
      mode: 'all',
    });
    expect(parseRequirement('scopes', [['x']])).toEqual({ scopes: ['x'], mode: 'all' });
    expect(parseRequirement('scopes', [['x'], {}])).toEqual({ scopes: ['x'], mode: 'all' });
    expect(parseRequirement('scopes', [['x'], undefined])).toEqual({ scopes: ['x'], mode: 'all' });
  });

  test('the values are copied, not shared with the caller', () => {
    const roles = ['admin'];
    const requirement = parseRequirement('roles', [roles]);
    roles.push('intruder');
    expect(requirement.roles).toEqual(['admin']);
  });

  test('the result is a requirement the authorizer checks', () => {
    const authorizer = createAuthorizer();
    const anyOf = parseRequirement('roles', [['admin', 'editor'], { mode: 'any' }]);
    const allOf = parseRequirement('roles', ['admin', 'editor']);
    expect(authorizer.satisfies({ roles: ['editor'] }, anyOf)).toBe(true);
    expect(authorizer.satisfies({ roles: ['editor'] }, allOf)).toBe(false);
  });

  test.each([
    ['no value', [], '"roles": needs at least one value'],
    ['an empty array', [[], { mode: 'any' }], '"roles": needs at least one value'],
    ['an empty string', [''], '"roles": values must be non-empty strings'],
    ['a non-string', [42], '"roles": values must be non-empty strings'],
    ['options without an array', ['a', { mode: 'any' }], '"roles": values must be non-empty'],
    ['a non-string in the array', [['a', null]], '"roles": values must be non-empty strings'],
    ['options that are not an object', [['a'], 'any'], '"roles.options": must be an object'],
    ['null options', [['a'], null], '"roles.options": must be an object'],
    ['an unknown mode', [['a'], { mode: 'some' }], '"roles.mode": must be "all" or "any"'],
    ['extra arguments', [['a'], {}, 'b'], '"roles": takes either values, or one array'],
  ])('refuses %s, naming the option', (_case, args, message) => {
    expect(() => parseRequirement('roles', args)).toThrow(JwtError);
    expect(() => parseRequirement('roles', args)).toThrow(configError(`Invalid option ${message}`));
  });

  test('errors name the option given, e.g. a decorator', () => {
    expect(() => parseRequirement('scopes', [], 'Scopes')).toThrow(
      configError('Invalid option "Scopes": needs at least one value'),
    );
    expect(() => parseRequirement('scopes', [['a'], { mode: 'x' }], 'Scopes')).toThrow(
      configError('Invalid option "Scopes.mode": must be "all" or "any"'),
    );
  });
});
