import * as core from '@tokenward/core';
import * as main from '../src/index.js';
import * as passport from '../src/passport/index.js';

describe('public surface', () => {
  it('@tokenward/nestjs exports exactly these values', () => {
    expect(Object.keys(main).sort()).toEqual(
      [
        'AccessToken',
        'Claim',
        'Claims',
        'JWT_AUTH_OPTIONS',
        'JwtAuthModule',
        'JwtAuthService',
        'JwtGuard',
        'JwtHttpException',
        'JwtGraphQLException',
        'graphqlWsAuth',
        'socketIoAuth',
        'keepUpgradeRequest',
        // re-exported from @tokenward/core
        'clearAuthCookie',
        'createRemoteJwks',
        'generateSecret',
        'JwtError',
        'MemoryRevocationStore',
        'serializeAuthCookie',
        'OptionalAuth',
        'Public',
        'RequireClaims',
        'RequireDpop',
        'Roles',
        'Scopes',
      ].sort(),
    );
  });

  it('re-exports the core values a Nest app needs as they are', () => {
    expect(main.JwtError).toBe(core.JwtError);
    expect(main.MemoryRevocationStore).toBe(core.MemoryRevocationStore);
    expect(main.serializeAuthCookie).toBe(core.serializeAuthCookie);
  });

  it('@tokenward/nestjs/passport exports exactly TokenwardStrategy', () => {
    expect(Object.keys(passport)).toEqual(['TokenwardStrategy']);
  });
});
