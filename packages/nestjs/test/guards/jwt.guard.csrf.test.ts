import { Controller, Module, Post, UseGuards } from '@nestjs/common';
import type { CustomToken, JwtClaims, RequestView } from '@tokenward/core';
import request from 'supertest';
import { Claims, JwtAuthModule, JwtGuard } from '../../src/index.js';
import { createApp, PLATFORMS, type TestApp } from '../helpers/app.js';
import { token, verifierOptions } from '../helpers/tokens.js';

let ran = 0;

@Controller()
@UseGuards(JwtGuard)
class TransferController {
  @Post('transfer')
  transfer(@Claims() claims: JwtClaims) {
    ran++;
    return { sub: claims.sub };
  }
}

// A getter that reads the token from a cookie of its own (core's `getToken`, on the RequestView).
const plain = (view: RequestView): CustomToken =>
  /(?:^|;\s*)session=([^;]+)/.exec(String(view.headers.cookie ?? ''))?.[1];
const declared = (view: RequestView): CustomToken => {
  const found = plain(view);
  return typeof found === 'string' ? { token: found, source: 'cookie' } : undefined;
};

describe.each(PLATFORMS)('JwtGuard on %s: a getToken that reads a cookie', (platform) => {
  describe.each([
    ['finds it in the Cookie header', plain],
    ['says source: cookie', declared],
  ])('%s', (_name, getToken) => {
    let t: TestApp;
    beforeAll(async () => {
      @Module({
        imports: [JwtAuthModule.forRoot({ ...verifierOptions, getToken })],
        controllers: [TransferController],
      })
      class AppModule {}
      t = await createApp(platform, { imports: [AppModule] });
    });
    afterAll(() => t.close());
    beforeEach(() => {
      ran = 0;
    });

    it('gets the CSRF check: 403 ERR_JWT_CSRF cross-site, the handler never runs', async () => {
      const cookie = `session=${await token({ sub: 'alice' })}`;
      const forged = await request(t.server)
        .post('/transfer')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example');
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('ERR_JWT_CSRF');
      expect(forged.headers['www-authenticate']).toBeUndefined();
      expect(ran).toBe(0);
      const own = await request(t.server).post('/transfer').set('Cookie', cookie);
      expect(own.status).toBe(201);
      expect(own.body).toEqual({ sub: 'alice' });
      expect(ran).toBe(1);
    });
  });
});
