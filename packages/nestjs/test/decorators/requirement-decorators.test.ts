import { JwtError } from '@tokenward/core';
import { Roles, Scopes } from '../../src/index.js';

const ROLES_KEY = 'tokenward:roles';
const SCOPES_KEY = 'tokenward:scopes';

function decorated(decorator: MethodDecorator, key: string): unknown {
  class Target {
    handler(): void {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Target.prototype, 'handler')!;
  decorator(Target.prototype, 'handler', descriptor);
  return Reflect.getMetadata(key, Target.prototype.handler);
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return (err as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('@Roles and @Scopes', () => {
  it('store all-of requirements from a list of strings', () => {
    expect(decorated(Roles('admin', 'user'), ROLES_KEY)).toEqual({
      values: ['admin', 'user'],
      mode: 'all',
    });
    expect(decorated(Scopes('read'), SCOPES_KEY)).toEqual({ values: ['read'], mode: 'all' });
  });

  it('store any-of requirements from an array and options', () => {
    expect(decorated(Roles(['a', 'b'], { mode: 'any' }), ROLES_KEY)).toEqual({
      values: ['a', 'b'],
      mode: 'any',
    });
    expect(decorated(Scopes(['x']), SCOPES_KEY)).toEqual({ values: ['x'], mode: 'all' });
  });

  it('refuse empty, non-string values and unknown modes when the class loads', () => {
    expect(failure(() => Roles())).toMatch(/"Roles": needs at least one value/);
    expect(failure(() => Roles(['admin', ''], {}))).toMatch(
      /"Roles": values must be non-empty strings/,
    );
    expect(failure(() => Scopes(['a'], { mode: 'some' as never }))).toMatch(/"Scopes.mode"/);
    expect(failure(() => Scopes(42 as never))).toMatch(/"Scopes"/);
  });
});
