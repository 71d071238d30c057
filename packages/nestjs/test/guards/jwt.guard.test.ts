import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import request from 'supertest';
import {
  Claims,
  JwtAuthModule,
  JwtGuard,
  OptionalAuth,
  Public,
  RequireClaims,
  Roles,
  Scopes,
} from '../../src/index.js';
import type { JwtClaims } from '@tokenward/core';
import { createApp, PLATFORMS, type TestApp } from '../helpers/app.js';
import { bearer, token, verifierOptions } from '../helpers/tokens.js';

const calls: string[] = [];

@Controller('route')
class RouteLevelController {
  @Get('open')
  open() {
    calls.push('route.open');
    return { ok: true };
  }

  @UseGuards(JwtGuard)
  @Get('closed')
  closed(@Claims() claims: JwtClaims) {
    calls.push('route.closed');
    return { sub: claims.sub };
  }
}

@Controller('ctrl')
@UseGuards(JwtGuard)
class ControllerLevelController {
  @Get()
  me(@Claims() claims: JwtClaims) {
    calls.push('ctrl.me');
    return { sub: claims.sub };
  }

  @Public()
  @Get('public')
  open() {
    calls.push('ctrl.public');
    return { ok: true };
  }

  @OptionalAuth()
  @Get('optional')
  optional(@Claims() claims?: JwtClaims) {
    calls.push('ctrl.optional');
    return { anonymous: claims === undefined, sub: claims?.sub ?? null };
  }

  @OptionalAuth()
  @Roles('admin')
  @Get('optional-admin')
  optionalAdmin() {
    calls.push('ctrl.optional-admin');
    return { ok: true };
  }

  @Roles('admin', 'user')
  @Get('roles-all')
  rolesAll() {
    calls.push('ctrl.roles-all');
    return { ok: true };
  }

  @Roles(['admin', 'editor'], { mode: 'any' })
  @Get('roles-any')
  rolesAny() {
    calls.push('ctrl.roles-any');
    return { ok: true };
  }

  @Scopes('read:a', 'write:a')
  @Get('scopes-all')
  scopesAll() {
    calls.push('ctrl.scopes-all');
    return { ok: true };
  }

  @Scopes(['read:a', 'read:b'], { mode: 'any' })
  @Get('scopes-any')
  scopesAny() {
    calls.push('ctrl.scopes-any');
    return { ok: true };
  }
}

@Controller('claims-check')
@UseGuards(JwtGuard)
@RequireClaims((claims: JwtClaims) => claims.email_verified === true)
class ClaimsCheckController {
  @RequireClaims(
    async (claims: JwtClaims, req: unknown) =>
      claims.tenant === (req as { headers: Record<string, string> }).headers['x-tenant'],
  )
  @Get()
  check() {
    calls.push('claims-check');
    return { ok: true };
  }

  @OptionalAuth()
  @Get('optional')
  optional() {
    calls.push('claims-check.optional');
    return { ok: true };
  }

  @RequireClaims(() => {
    throw new Error('bug in the predicate');
  })
  @Get('broken')
  broken() {
    calls.push('claims-check.broken');
    return { ok: true };
  }
}

@Controller('class-roles')
@UseGuards(JwtGuard)
@Roles('admin')
class ClassRolesController {
  @Roles('auditor')
  @Get()
  both() {
    calls.push('class-roles');
    return { ok: true };
  }
}

@Module({
  imports: [JwtAuthModule.forRoot(verifierOptions)],
  controllers: [
    RouteLevelController,
    ControllerLevelController,
    ClassRolesController,
    ClaimsCheckController,
  ],
})
class AppModule {}

const MISSING = 'Bearer realm="api"';
const invalid = (description: string) =>
  `Bearer realm="api", error="invalid_token", error_description="${description}"`;
const insufficient = (scope: string) =>
  `Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope", scope="${scope}"`;

describe.each(PLATFORMS)('JwtGuard on %s', (platform) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createApp(platform, { imports: [AppModule] });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    calls.length = 0;
  });

  describe('per route', () => {
    it('leaves unguarded routes alone', async () => {
      await request(t.server).get('/route/open').expect(200, { ok: true });
      expect(calls).toEqual(['route.open']);
    });

    it('answers 401 with a bare challenge and the core body when no token is sent', async () => {
      const res = await request(t.server).get('/route/closed');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(MISSING);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'unauthorized',
        error_description: 'No access token was provided',
        code: 'ERR_JWT_MISSING',
      });
      expect(calls).toEqual([]);
    });

    it('lets a valid token through and exposes its claims', async () => {
      const res = await request(t.server)
        .get('/route/closed')
        .set('Authorization', bearer(await token()));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ sub: 'alice' });
      expect(calls).toEqual(['route.closed']);
    });

    it('refuses an expired token with invalid_token', async () => {
      const expired = await token({ exp: 1_800_000_000, iat: 1_799_999_000 });
      const res = await request(t.server)
        .get('/route/closed')
        .set('Authorization', bearer(expired));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(invalid('The access token expired'));
      expect(res.body.code).toBe('ERR_JWT_EXPIRED');
      expect(calls).toEqual([]);
    });

    it('refuses a token signed with another key', async () => {
      const forged = await token({}, new Uint8Array(32).fill(7));
      const res = await request(t.server).get('/route/closed').set('Authorization', bearer(forged));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(
        invalid('The access token signature is invalid'),
      );
      expect(res.body.code).toBe('ERR_JWT_SIGNATURE_INVALID');
      expect(calls).toEqual([]);
    });

    it('answers 400 invalid_request for a malformed Authorization header', async () => {
      const res = await request(t.server).get('/route/closed').set('Authorization', 'Bearer a b');
      expect(res.status).toBe(400);
      expect(res.headers['www-authenticate']).toMatch(
        /^Bearer realm="api", error="invalid_request"/,
      );
      expect(res.body.code).toBe('ERR_JWT_INVALID_REQUEST');
      expect(calls).toEqual([]);
    });
  });

  describe('per controller', () => {
    it('protects every route of the controller', async () => {
      const res = await request(t.server).get('/ctrl');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(MISSING);
      expect(calls).toEqual([]);
      await request(t.server)
        .get('/ctrl')
        .set('Authorization', bearer(await token()))
        .expect(200, { sub: 'alice' });
    });

    it('@Public() skips authentication, even for a bad token', async () => {
      await request(t.server).get('/ctrl/public').expect(200, { ok: true });
      await request(t.server)
        .get('/ctrl/public')
        .set('Authorization', 'Bearer not-a-token')
        .expect(200);
      expect(calls).toEqual(['ctrl.public', 'ctrl.public']);
    });

    it('@OptionalAuth() lets anonymous requests through', async () => {
      await request(t.server).get('/ctrl/optional').expect(200, { anonymous: true, sub: null });
      const res = await request(t.server)
        .get('/ctrl/optional')
        .set('Authorization', bearer(await token()));
      expect(res.body).toEqual({ anonymous: false, sub: 'alice' });
    });

    it('@OptionalAuth() still rejects a bad token', async () => {
      const expired = await token({ exp: 1_800_000_000, iat: 1_799_999_000 });
      const res = await request(t.server)
        .get('/ctrl/optional')
        .set('Authorization', bearer(expired));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(invalid('The access token expired'));
      expect(calls).toEqual([]);
    });

    it('@OptionalAuth() with @Roles still needs a token', async () => {
      const res = await request(t.server).get('/ctrl/optional-admin');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(MISSING);
      expect(calls).toEqual([]);
    });
  });

  describe('roles and scopes', () => {
    it('all-of roles: 403 insufficient_scope naming the roles when one is missing', async () => {
      const res = await request(t.server)
        .get('/ctrl/roles-all')
        .set('Authorization', bearer(await token({ roles: ['admin'] })));
      expect(res.status).toBe(403);
      expect(res.headers['www-authenticate']).toBe(insufficient('admin user'));
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'insufficient_scope',
        error_description: 'The access token does not grant the required scope',
        code: 'ERR_JWT_INSUFFICIENT_SCOPE',
      });
      expect(calls).toEqual([]);
      await request(t.server)
        .get('/ctrl/roles-all')
        .set('Authorization', bearer(await token({ roles: ['user', 'admin'] })))
        .expect(200);
    });

    it('any-of roles: one role is enough', async () => {
      await request(t.server)
        .get('/ctrl/roles-any')
        .set('Authorization', bearer(await token({ roles: ['editor'] })))
        .expect(200);
      const res = await request(t.server)
        .get('/ctrl/roles-any')
        .set('Authorization', bearer(await token({ roles: ['user'] })));
      expect(res.status).toBe(403);
      expect(calls).toEqual(['ctrl.roles-any']);
    });

    it('all-of scopes read from the scope string', async () => {
      const res = await request(t.server)
        .get('/ctrl/scopes-all')
        .set('Authorization', bearer(await token({ scope: 'read:a' })));
      expect(res.status).toBe(403);
      expect(res.headers['www-authenticate']).toBe(insufficient('read:a write:a'));
      await request(t.server)
        .get('/ctrl/scopes-all')
        .set('Authorization', bearer(await token({ scope: 'write:a read:a' })))
        .expect(200);
      expect(calls).toEqual(['ctrl.scopes-all']);
    });

    it('any-of scopes', async () => {
      await request(t.server)
        .get('/ctrl/scopes-any')
        .set('Authorization', bearer(await token({ scope: 'read:b' })))
        .expect(200);
      const res = await request(t.server)
        .get('/ctrl/scopes-any')
        .set('Authorization', bearer(await token({ scope: 'write:b' })));
      expect(res.status).toBe(403);
      expect(calls).toEqual(['ctrl.scopes-any']);
    });

    it('controller and route requirements both apply', async () => {
      const adminOnly = await token({ roles: ['admin'] });
      const res = await request(t.server)
        .get('/class-roles')
        .set('Authorization', bearer(adminOnly));
      expect(res.status).toBe(403);
      expect(res.headers['www-authenticate']).toBe(insufficient('auditor'));
      const auditorOnly = await token({ roles: ['auditor'] });
      expect(
        (await request(t.server).get('/class-roles').set('Authorization', bearer(auditorOnly)))
          .status,
      ).toBe(403);
      expect(calls).toEqual([]);
      const both = await token({ roles: ['admin', 'auditor'] });
      await request(t.server).get('/class-roles').set('Authorization', bearer(both)).expect(200);
    });
  });

  describe('@RequireClaims', () => {
    it('admits only when every predicate (controller and route) returns true', async () => {
      const good = await token({ email_verified: true, tenant: 't1' });
      await request(t.server)
        .get('/claims-check')
        .set('Authorization', bearer(good))
        .set('X-Tenant', 't1')
        .expect(200);
      const wrongTenant = await request(t.server)
        .get('/claims-check')
        .set('Authorization', bearer(good))
        .set('X-Tenant', 't2');
      expect(wrongTenant.status).toBe(403);
      expect(wrongTenant.headers['www-authenticate']).toBe(
        'Bearer realm="api", error="insufficient_scope", error_description="The access token does not grant the required scope"',
      );
      expect(wrongTenant.body.code).toBe('ERR_JWT_INSUFFICIENT_SCOPE');
      const unverified = await token({ tenant: 't1' });
      expect(
        (
          await request(t.server)
            .get('/claims-check')
            .set('Authorization', bearer(unverified))
            .set('X-Tenant', 't1')
        ).status,
      ).toBe(403);
      expect(calls).toEqual(['claims-check']);
    });

    it('needs a token even under @OptionalAuth()', async () => {
      const res = await request(t.server).get('/claims-check/optional');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(MISSING);
      expect(calls).toEqual([]);
    });

    it('a throwing predicate is a 500, not a pass', async () => {
      const res = await request(t.server)
        .get('/claims-check/broken')
        .set('Authorization', bearer(await token({ email_verified: true })));
      expect(res.status).toBe(500);
      expect(calls).toEqual([]);
    });
  });
});
