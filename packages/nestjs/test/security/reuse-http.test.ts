import { Controller, Get, Injectable, Module, UseGuards } from '@nestjs/common';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt } from 'passport-jwt';
import request from 'supertest';
import { MemoryRevocationStore, type JwtClaims } from '@tokenward/core';
import { Claim, JwtAuthModule, JwtGuard } from '../../src/index.js';
import { TokenwardStrategy } from '../../src/passport/index.js';
import { createApp, PLATFORMS, type TestApp } from '../helpers/app.js';
import { bearer, clock, ISSUER, SECRET, token } from '../helpers/tokens.js';

// Two configurations of one app: the global guard (audience `api`) and a feature module's own
// JwtAuthModule (audience `admin-api`), as in the issue.
const base = { algorithms: ['HS256' as const], key: SECRET, issuer: ISSUER, clock };
const handled: string[] = [];

@Controller('admin')
@UseGuards(JwtGuard)
class AdminController {
  @Get()
  dashboard(@Claim('sub') sub: string) {
    handled.push('admin');
    return { sub };
  }
}

@Module({
  imports: [JwtAuthModule.forRoot({ ...base, audience: 'admin-api' })],
  controllers: [AdminController],
})
class AdminModule {}

// After the global guard, the passport bridge for audience `api`, then the admin-api JwtGuard.
@Injectable()
class ApiStrategy extends PassportStrategy(TokenwardStrategy, 'api-jwt') {
  constructor() {
    super({ ...base, audience: 'api', jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() });
  }

  validate(payload: JwtClaims) {
    return payload;
  }
}

@Controller('bridged')
class BridgedController {
  @Get()
  @UseGuards(AuthGuard('api-jwt'), JwtGuard)
  bridged() {
    handled.push('bridged');
    return { ok: true };
  }
}

@Module({
  imports: [JwtAuthModule.forRoot({ ...base, audience: 'admin-api' }), PassportModule],
  controllers: [BridgedController],
  providers: [ApiStrategy],
})
class BridgedModule {}

// A real store that counts the verifications reaching it (the verifier's last step).
class CountingStore extends MemoryRevocationStore {
  checks = 0;
  override isRevoked(claims: JwtClaims): Promise<boolean> {
    this.checks += 1;
    return super.isRevoked(claims);
  }
}
const store = new CountingStore({ clock });

@Controller('twice')
@UseGuards(JwtGuard)
class TwiceController {
  @Get()
  twice() {
    handled.push('twice');
    return { ok: true };
  }
}

describe.each(PLATFORMS)('one configuration verifies once per HTTP request (%s)', (platform) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createApp(platform, {
      imports: [
        JwtAuthModule.forRoot({ ...base, audience: 'api', revocation: store, guard: 'global' }),
      ],
      controllers: [TwiceController],
    });
  });
  afterAll(() => t.close());

  it("reuses the global guard's result in the route guard of the same module", async () => {
    const accessToken = await token({ aud: 'api' });
    const before = store.checks;
    const res = await request(t.server).get('/twice').set('Authorization', bearer(accessToken));
    expect(res.status).toBe(200);
    expect(store.checks - before).toBe(1);
    // The next request is verified again.
    await request(t.server).get('/twice').set('Authorization', bearer(accessToken)).expect(200);
    expect(store.checks - before).toBe(2);
  });
});

describe.each(PLATFORMS)("a guard never takes another configuration's result (%s)", (platform) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createApp(platform, {
      imports: [
        JwtAuthModule.forRoot({ ...base, audience: 'api', guard: 'global' }),
        AdminModule,
        BridgedModule,
      ],
    });
  });
  afterAll(() => t.close());
  beforeEach(() => handled.splice(0));

  it("refuses a token for `api` on the admin-api module's route: 401 ERR_JWT_AUDIENCE_MISMATCH", async () => {
    const res = await request(t.server)
      .get('/admin')
      .set('Authorization', bearer(await token({ aud: 'api' })));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'ERR_JWT_AUDIENCE_MISMATCH' });
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(handled).toEqual([]);
  });

  it('lets a token for both audiences through both guards', async () => {
    const res = await request(t.server)
      .get('/admin')
      .set('Authorization', bearer(await token({ aud: ['api', 'admin-api'], sub: 'root' })));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sub: 'root' });
    expect(handled).toEqual(['admin']);
  });

  it("does not take the passport bridge's result for the JwtGuard of another configuration", async () => {
    const res = await request(t.server)
      .get('/bridged')
      .set('Authorization', bearer(await token({ aud: 'api' })));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'ERR_JWT_AUDIENCE_MISMATCH' });
    expect(handled).toEqual([]);
  });
});
