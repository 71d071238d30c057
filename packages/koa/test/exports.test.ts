import * as api from '../src/index.js';

test('the public surface is exactly this', () => {
  expect(Object.keys(api).sort()).toEqual([
    'JwtError',
    'jwt',
    'requireClaims',
    'requireRoles',
    'requireScopes',
  ]);
});
