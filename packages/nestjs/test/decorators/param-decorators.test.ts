import { Controller, Get, Module, Req, UseGuards } from '@nestjs/common';
import request from 'supertest';
import type { JwtClaims } from '@tokenward/core';
import {
  AccessToken,
  Claim,
  Claims,
  JwtAuthModule,
  JwtGuard,
  OptionalAuth,
} from '../../src/index.js';
import { createApp, PLATFORMS, type TestApp } from '../helpers/app.js';
import { bearer, token, verifierOptions } from '../helpers/tokens.js';

interface AppClaims extends JwtClaims {
  tenant: string;
}

@Controller()
@UseGuards(JwtGuard)
class ParamsController {
  @Get('claims')
  claims(@Claims<AppClaims>() claims: AppClaims, @Req() req: { user: unknown }) {
    return {
      sub: claims.sub,
      tenant: claims.tenant,
      sameAsUser: req.user === claims,
      nullPrototype: Object.getPrototypeOf(claims) === null,
    };
  }

  @Get('claim')
  claim(
    @Claim<AppClaims>('tenant') tenant: string,
    @Claim('sub') sub: string,
    @Claim('missing') missing: unknown,
  ) {
    return { tenant, sub, missing: missing === undefined };
  }

  @Get('token')
  token(@AccessToken() accessToken: string) {
    return { accessToken };
  }

  @OptionalAuth()
  @Get('anonymous')
  anonymous(
    @Claims() claims: unknown,
    @Claim('sub') sub: unknown,
    @AccessToken() accessToken: unknown,
  ) {
    return { none: claims === undefined && sub === undefined && accessToken === undefined };
  }

  @OptionalAuth()
  @Get('proto')
  proto(@Claim('constructor') ctor: unknown, @Claim('toString') toString: unknown) {
    return { none: ctor === undefined && toString === undefined };
  }
}

@Module({ imports: [JwtAuthModule.forRoot(verifierOptions)], controllers: [ParamsController] })
class AppModule {}

describe.each(PLATFORMS)('param decorators on %s', (platform) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createApp(platform, { imports: [AppModule] });
  });
  afterAll(() => t.close());

  it('@Claims() injects the verified payload, which is also request.user', async () => {
    const res = await request(t.server)
      .get('/claims')
      .set('Authorization', bearer(await token({ tenant: 't1' })));
    expect(res.body).toEqual({ sub: 'alice', tenant: 't1', sameAsUser: true, nullPrototype: true });
  });

  it('every request sees its own claims, also when they run at the same time', async () => {
    const tenants = ['t1', 't2', 't3', 't4'];
    const tokens = await Promise.all(tenants.map((tenant) => token({ tenant })));
    const answers = await Promise.all(
      tokens.map((value) => request(t.server).get('/claims').set('Authorization', bearer(value))),
    );
    expect(answers.map((res) => [res.body.tenant, res.body.sameAsUser])).toEqual(
      tenants.map((tenant) => [tenant, true]),
    );
  });

  it('@Claim(name) injects one claim', async () => {
    const res = await request(t.server)
      .get('/claim')
      .set('Authorization', bearer(await token({ tenant: 't2' })));
    expect(res.body).toEqual({ tenant: 't2', sub: 'alice', missing: true });
  });

  it('@AccessToken() injects the verified token string', async () => {
    const accessToken = await token();
    const res = await request(t.server).get('/token').set('Authorization', bearer(accessToken));
    expect(res.body).toEqual({ accessToken });
  });

  it('all are undefined for an anonymous request', async () => {
    await request(t.server).get('/anonymous').expect(200, { none: true });
  });

  it('@Claim never reads inherited properties', async () => {
    await request(t.server)
      .get('/proto')
      .set('Authorization', bearer(await token()))
      .expect(200, { none: true });
  });
});
