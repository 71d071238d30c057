import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import request from 'supertest';
import type { JwtClaims } from '@tokenward/core';
import {
  Claims,
  JWT_AUTH_OPTIONS,
  JwtAuthModule,
  JwtGuard,
  Public,
  Roles,
  type JwtAuthOptions,
  type JwtAuthOptionsFactory,
} from '../src/index.js';
import { createApp, PLATFORMS, type TestApp } from './helpers/app.js';
import {
  AUDIENCE,
  bearer,
  clock,
  ISSUER,
  SECRET,
  token,
  verifierOptions,
} from './helpers/tokens.js';

const calls: string[] = [];

@Injectable()
class ConfigService {
  get(name: 'secret' | 'issuer' | 'audience'): string | Uint8Array {
    return { secret: SECRET, issuer: ISSUER, audience: AUDIENCE }[name];
  }
}

@Module({ providers: [ConfigService], exports: [ConfigService] })
class ConfigModule {}

@Injectable()
class AuthConfig implements JwtAuthOptionsFactory {
  constructor(private readonly config: ConfigService) {}
  createJwtAuthOptions(): JwtAuthOptions {
    return {
      algorithms: ['HS256'],
      key: this.config.get('secret'),
      issuer: this.config.get('issuer') as string,
      audience: this.config.get('audience') as string,
      clock,
    };
  }
}

@Controller()
class PlainController {
  constructor(@Inject(JWT_AUTH_OPTIONS) private readonly options: JwtAuthOptions) {}

  @Get('open')
  open() {
    calls.push('open');
    return { issuer: this.options.issuer ?? null };
  }

  @UseGuards(JwtGuard)
  @Get('me')
  me(@Claims() claims: JwtClaims) {
    calls.push('me');
    return { sub: claims.sub };
  }
}

async function expectProtected(t: TestApp): Promise<void> {
  const res = await request(t.server).get('/me');
  expect(res.status).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  await request(t.server)
    .get('/me')
    .set('Authorization', bearer(await token()))
    .expect(200, { sub: 'alice' });
  expect(calls).toEqual(['me']);
}

beforeEach(() => {
  calls.length = 0;
});

describe.each(PLATFORMS)('JwtAuthModule on %s', (platform) => {
  it('forRootAsync with useFactory and an injected config service', async () => {
    const t = await createApp(platform, {
      imports: [
        JwtAuthModule.forRootAsync({
          imports: [ConfigModule],
          inject: [ConfigService],
          useFactory: async (config: ConfigService) => ({
            algorithms: ['HS256'],
            key: config.get('secret'),
            issuer: config.get('issuer') as string,
            audience: config.get('audience') as string,
            clock,
          }),
        }),
      ],
      controllers: [PlainController],
    });
    try {
      await expectProtected(t);
      await request(t.server).get('/open').expect(200, { issuer: ISSUER });
    } finally {
      await t.close();
    }
  });

  it('forRootAsync with useClass', async () => {
    const t = await createApp(platform, {
      imports: [JwtAuthModule.forRootAsync({ imports: [ConfigModule], useClass: AuthConfig })],
      controllers: [PlainController],
    });
    try {
      await expectProtected(t);
    } finally {
      await t.close();
    }
  });

  it('forRootAsync with useExisting', async () => {
    @Module({ imports: [ConfigModule], providers: [AuthConfig], exports: [AuthConfig] })
    class AuthConfigModule {}
    const t = await createApp(platform, {
      imports: [
        JwtAuthModule.forRootAsync({ imports: [AuthConfigModule], useExisting: AuthConfig }),
      ],
      controllers: [PlainController],
    });
    try {
      await expectProtected(t);
    } finally {
      await t.close();
    }
  });

  it('forRoot() with no options reads the environment', async () => {
    const saved = { ...process.env };
    const envSecret = 'a-test-secret-from-the-environment-0123456789';
    process.env.JWT_SECRET = envSecret;
    process.env.JWT_ISSUER = ISSUER;
    process.env.JWT_AUDIENCE = AUDIENCE;
    try {
      // No clock option through the environment: sign for the real now.
      const now = Math.floor(Date.now() / 1000);
      const t = await createApp(platform, {
        imports: [JwtAuthModule.forRoot()],
        controllers: [PlainController],
      });
      try {
        expect((await request(t.server).get('/me')).status).toBe(401);
        const live = await token({ iat: now, exp: now + 600 }, Buffer.from(envSecret, 'utf8'));
        await request(t.server)
          .get('/me')
          .set('Authorization', bearer(live))
          .expect(200, { sub: 'alice' });
      } finally {
        await t.close();
      }
    } finally {
      process.env = saved;
    }
  });

  it('guard: "global" protects every route; @Public opts out', async () => {
    @Controller()
    class GlobalController {
      @Get('secret')
      secret() {
        calls.push('secret');
        return { ok: true };
      }

      @Public()
      @Get('health')
      health() {
        calls.push('health');
        return { ok: true };
      }
    }
    const t = await createApp(platform, {
      imports: [JwtAuthModule.forRoot({ ...verifierOptions, guard: 'global' })],
      controllers: [GlobalController],
    });
    try {
      const res = await request(t.server).get('/secret');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
      expect(calls).toEqual([]);
      await request(t.server).get('/health').expect(200);
      await request(t.server)
        .get('/secret')
        .set('Authorization', bearer(await token()))
        .expect(200);
      expect(calls).toEqual(['health', 'secret']);
    } finally {
      await t.close();
    }
  });

  it('is global by default: JwtGuard works in modules that do not import JwtAuthModule', async () => {
    @Module({ controllers: [PlainController] })
    class FeatureModule {}
    const t = await createApp(platform, {
      imports: [JwtAuthModule.forRoot(verifierOptions), FeatureModule],
    });
    try {
      await expectProtected(t);
    } finally {
      await t.close();
    }
  });

  it('global: false, JwtGuard elsewhere: startup fails saying what to do', async () => {
    @Module({ controllers: [PlainController] })
    class FeatureModule {}
    await expect(
      createApp(platform, {
        imports: [JwtAuthModule.forRoot({ ...verifierOptions, global: false }), FeatureModule],
      }),
    ).rejects.toThrow(
      'Invalid option "JwtAuthModule": is not visible where JwtGuard is used: import JwtAuthModule.forRoot() in the root module and keep it global (the default), or import it in this module',
    );
  });

  it('global guard ordering: roles are checked after authentication whatever the order of global guards', async () => {
    const sawUser: unknown[] = [];
    // A user's own global guard (registered before ours) that reads request.user, like the
    // docs' RolesGuard: it runs first and sees no user, but cannot break our checks.
    @Injectable()
    class AuditGuard implements CanActivate {
      canActivate(context: ExecutionContext): boolean {
        sawUser.push(context.switchToHttp().getRequest<{ user?: JwtClaims }>().user?.sub ?? null);
        return true;
      }
    }
    @Controller()
    class AdminController {
      @Roles('admin')
      @Get('admin')
      admin() {
        calls.push('admin');
        return { ok: true };
      }
    }
    const t = await createApp(platform, {
      imports: [JwtAuthModule.forRoot({ ...verifierOptions, guard: 'global' })],
      controllers: [AdminController],
      providers: [{ provide: APP_GUARD, useClass: AuditGuard }],
    });
    try {
      const user = await request(t.server)
        .get('/admin')
        .set('Authorization', bearer(await token({ roles: ['user'] })));
      expect(user.status).toBe(403);
      expect(user.headers['www-authenticate']).toContain('error="insufficient_scope"');
      expect((await request(t.server).get('/admin')).status).toBe(401);
      expect(calls).toEqual([]);
      await request(t.server)
        .get('/admin')
        .set('Authorization', bearer(await token({ roles: ['admin'] })))
        .expect(200);
      expect(calls).toEqual(['admin']);
      // The user's guard did run first (it never saw a user): the order that breaks the docs recipe.
      expect(sawUser).toEqual([null, null, null]);
    } finally {
      await t.close();
    }
  });

  it('a global JwtGuard plus a per-route JwtGuard verify once and still check roles', async () => {
    @Controller()
    class TwiceController {
      @UseGuards(JwtGuard)
      @Roles('admin')
      @Get('twice')
      twice(@Claims() claims: JwtClaims) {
        calls.push('twice');
        return { sub: claims.sub };
      }
    }
    const t = await createApp(platform, {
      imports: [JwtAuthModule.forRoot({ ...verifierOptions, guard: 'global' })],
      controllers: [TwiceController],
    });
    try {
      expect(
        (
          await request(t.server)
            .get('/twice')
            .set('Authorization', bearer(await token()))
        ).status,
      ).toBe(403);
      await request(t.server)
        .get('/twice')
        .set('Authorization', bearer(await token({ roles: ['admin'] })))
        .expect(200, { sub: 'alice' });
      expect(calls).toEqual(['twice']);
    } finally {
      await t.close();
    }
  });
});

describe('JwtAuthModule configuration errors', () => {
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return `${(err as { code?: string }).code} ${(err as Error).message}`;
    }
    return 'no error';
  };

  it('forRootAsync needs exactly one of useFactory, useClass, useExisting', () => {
    expect(message(() => JwtAuthModule.forRootAsync({}))).toMatch(
      /^ERR_JWT_CONFIG_INVALID .*forRootAsync/,
    );
    expect(
      message(() => JwtAuthModule.forRootAsync({ useFactory: () => ({}), useClass: AuthConfig })),
    ).toMatch(/^ERR_JWT_CONFIG_INVALID .*forRootAsync/);
  });

  it('validates global and guard', () => {
    expect(message(() => JwtAuthModule.forRoot({ guard: 'all' as never }))).toMatch(/"guard"/);
    expect(message(() => JwtAuthModule.forRoot({ global: 'yes' as never }))).toMatch(/"global"/);
  });

  it('fails at startup, naming the option, when the verifier options are invalid', async () => {
    await expect(
      createApp('express', {
        imports: [JwtAuthModule.forRoot({ algorithms: [], key: SECRET })],
        controllers: [PlainController],
      }),
    ).rejects.toMatchObject({
      code: 'ERR_JWT_CONFIG_INVALID',
      message: expect.stringContaining('"algorithms"'),
    });
    await expect(
      createApp('express', {
        imports: [JwtAuthModule.forRoot({ algorithms: ['HS256'], key: 'short' })],
        controllers: [PlainController],
      }),
    ).rejects.toMatchObject({ code: 'ERR_JWT_KEY_INVALID' });
  });
});
