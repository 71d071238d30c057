import { Controller, Get, HttpCode, Module, Post, UseGuards } from '@nestjs/common';
import request from 'supertest';
import {
  JwtError,
  MemoryRevocationStore,
  type JwtClaims,
  type RevocationStore,
} from '@tokenward/core';
import { Claims, JwtAuthModule, JwtAuthService, JwtGuard } from '../src/index.js';
import { createApp, PLATFORMS, type TestApp } from './helpers/app.js';
import {
  AUDIENCE,
  bearer,
  clock,
  ISSUER,
  NOW,
  SECRET,
  token,
  verifierOptions,
} from './helpers/tokens.js';

const calls: string[] = [];

@Controller()
class AuthController {
  constructor(private readonly auth: JwtAuthService) {}

  @Post('login')
  async login() {
    return { access_token: await this.auth.sign({ sub: 'alice', roles: ['user'] }) };
  }

  @UseGuards(JwtGuard)
  @Get('me')
  me(@Claims() claims: JwtClaims) {
    calls.push('me');
    return { sub: claims.sub };
  }

  @UseGuards(JwtGuard)
  @Post('logout')
  @HttpCode(204)
  async logout(@Claims() claims: JwtClaims) {
    calls.push('logout');
    await this.auth.revoke(claims);
  }
}

describe.each(PLATFORMS)('JwtAuthService on %s', (platform) => {
  let t: TestApp;
  let auth: JwtAuthService;
  beforeAll(async () => {
    @Module({
      imports: [
        JwtAuthModule.forRoot({
          ...verifierOptions,
          revocation: new MemoryRevocationStore({ clock }),
          signer: { algorithm: 'HS256', key: SECRET, issuer: ISSUER, audience: AUDIENCE, clock },
        }),
      ],
      controllers: [AuthController],
    })
    class AppModule {}
    t = await createApp(platform, { imports: [AppModule] });
    auth = t.app.get(JwtAuthService);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    calls.length = 0;
  });

  it('signs tokens the guard accepts, and revokes them by jti', async () => {
    const { body } = await request(t.server).post('/login').expect(201);
    const accessToken = body.access_token as string;
    await request(t.server)
      .get('/me')
      .set('Authorization', bearer(accessToken))
      .expect(200, { sub: 'alice' });
    await request(t.server).post('/logout').set('Authorization', bearer(accessToken)).expect(204);
    const res = await request(t.server).get('/me').set('Authorization', bearer(accessToken));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_JWT_REVOKED');
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="invalid_token", error_description="The access token was revoked"',
    );
    expect(calls).toEqual(['me', 'logout']);
  });

  it('exposes the verifier, the signer and the store', async () => {
    const signed = await auth.signer.sign({ sub: 'bob' });
    const { payload } = await auth.verifier.verify(signed);
    expect(payload).toMatchObject({ sub: 'bob', iss: ISSUER, aud: AUDIENCE, iat: NOW });
    expect((await auth.verify(signed)).payload.sub).toBe('bob');
    expect(auth.revocation).toBeInstanceOf(MemoryRevocationStore);
    expect(auth.realm).toBe('api');
  });
});

describe.each(PLATFORMS)('store failures on %s', (platform) => {
  it('answers 503 with Retry-After and no challenge when the revocation store is down', async () => {
    const down: RevocationStore = {
      isRevoked: () =>
        Promise.reject(new JwtError('ERR_REVOCATION_UNAVAILABLE', undefined, { retryAfter: 7 })),
      revoke: () => Promise.resolve(),
      revokeSubject: () => Promise.resolve(),
    };
    @Module({
      imports: [JwtAuthModule.forRoot({ ...verifierOptions, revocation: down })],
      controllers: [AuthController],
    })
    class DownModule {}
    const t = await createApp(platform, { imports: [DownModule] });
    try {
      const res = await request(t.server)
        .get('/me')
        .set('Authorization', bearer(await token()));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.headers['www-authenticate']).toBeUndefined();
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'temporarily_unavailable',
        error_description: 'The revocation store is temporarily unavailable',
        code: 'ERR_REVOCATION_UNAVAILABLE',
      });
      expect(calls).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('JwtAuthService without signer or store', () => {
  it('names the missing option', async () => {
    const auth = new JwtAuthService(verifierOptions);
    expect(() => auth.signer).toThrow(/"signer"/);
    await expect(auth.revoke({ jti: 'x', exp: NOW + 1 })).rejects.toThrow(/"revocation"/);
  });

  it('credentialsRequired: false makes anonymous requests pass unless the route asks otherwise', async () => {
    const anonymous = { method: 'GET', url: '/', headers: {}, rawHeaders: [], secure: false };
    const optional = new JwtAuthService({ ...verifierOptions, credentialsRequired: false });
    await expect(optional.authenticate(anonymous)).resolves.toEqual({ authenticated: false });
    await expect(optional.authenticate(anonymous, { optional: false })).rejects.toMatchObject({
      code: 'ERR_JWT_MISSING',
    });
    const required = new JwtAuthService(verifierOptions);
    await expect(required.authenticate(anonymous)).rejects.toMatchObject({
      code: 'ERR_JWT_MISSING',
      realm: 'api',
    });
    await expect(required.authenticate(anonymous, { optional: true })).resolves.toEqual({
      authenticated: false,
    });
    expect(
      () => new JwtAuthService({ ...verifierOptions, credentialsRequired: 'no' as never }),
    ).toThrow(/"credentialsRequired"/);
  });

  it('accepts a prebuilt signer', async () => {
    const { createSigner } = await import('@tokenward/core');
    const signer = createSigner({
      algorithm: 'HS256',
      key: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      clock,
    });
    const auth = new JwtAuthService({ ...verifierOptions, signer });
    expect(auth.signer).toBe(signer);
    expect((await auth.verify(await auth.sign({ sub: 'c' }))).payload.sub).toBe('c');
  });
});
