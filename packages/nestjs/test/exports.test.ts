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
        'OptionalAuth',
        'Public',
        'RequireClaims',
        'RequireDpop',
        'Roles',
        'Scopes',
      ].sort(),
    );
  });

  it('@tokenward/nestjs/passport exports exactly TokenwardStrategy', () => {
    expect(Object.keys(passport)).toEqual(['TokenwardStrategy']);
  });
});
