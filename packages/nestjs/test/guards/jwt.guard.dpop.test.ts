import { Controller, Get, UseGuards } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { dpopTestClient } from '@tokenward/test-tokens';
import { JwtAuthModule, JwtGuard, RequireDpop } from '../../src/index.js';
import { createApp, PLATFORMS, type TestApp } from '../helpers/app.js';
import { NOW, token, verifierOptions } from '../helpers/tokens.js';

const client = dpopTestClient();
let ran = 0;
let now = NOW;

@Controller()
@UseGuards(JwtGuard)
class DpopController {
  @Get('me')
  me() {
    ran++;
    return { ok: true };
  }

  @RequireDpop()
  @Get('strict')
  strict() {
    ran++;
    return { ok: true };
  }
}

describe.each(PLATFORMS)('DPoP on Nest (%s)', (platform) => {
  let app: TestApp;
  let base: string;
  beforeAll(async () => {
    app = await createApp(platform, {
      imports: [
        JwtAuthModule.forRoot({
          ...verifierOptions,
          clock: () => now * 1000,
          dpop: { nonce: { secret: 'the nest dpop nonce secret, 32+ bytes' } },
        }),
      ],
      controllers: [DpopController],
    });
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());
  beforeEach(() => {
    ran = 0;
  });

  const bound = () => token({ cnf: { jkt: client.jkt } });
  let nonce: string | undefined;
  const proof = (path: string, accessToken: string) =>
    client.proof('GET', `${base}${path}`, {
      token: accessToken,
      iat: now,
      claims: nonce === undefined ? {} : { nonce },
    });

  it('asks for a server nonce, accepts it, and sends a new one when it gets old', async () => {
    nonce = undefined;
    const accessToken = await bound();
    const ask = await request(base)
      .get('/me')
      .set('Authorization', `DPoP ${accessToken}`)
      .set('DPoP', proof('/me', accessToken));
    expect(ask.status).toBe(401);
    expect(ask.body.code).toBe('ERR_DPOP_NONCE_REQUIRED');
    nonce = ask.headers['dpop-nonce'] as string;
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
    now = NOW + 300;
    const rotated = await request(base)
      .get('/me')
      .set('Authorization', `DPoP ${accessToken}`)
      .set('DPoP', proof('/me', accessToken));
    now = NOW;
    expect(rotated.status).toBe(200);
    expect(rotated.headers['dpop-nonce']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(rotated.headers['dpop-nonce']).not.toBe(nonce);
  });

  it('accepts DPoP with a fresh proof, refuses the same proof twice', async () => {
    const accessToken = await bound();
    const value = proof('/me', accessToken);
    const ok = await request(base)
      .get('/me')
      .set('Authorization', `DPoP ${accessToken}`)
      .set('DPoP', value);
    expect(ok.status).toBe(200);
    const again = await request(base)
      .get('/me')
      .set('Authorization', `DPoP ${accessToken}`)
      .set('DPoP', value);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('ERR_DPOP_REPLAYED');
    expect(again.headers['www-authenticate']).toMatch(
      /^DPoP algs="ES256 EdDSA Ed25519 PS256 RS256", error="invalid_dpop_proof".*, Bearer realm="api"$/,
    );
    expect(ran).toBe(1);
  });

  it('refuses a bound token as Bearer', async () => {
    const res = await request(base)
      .get('/me')
      .set('Authorization', `Bearer ${await bound()}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_DPOP_BINDING_MISMATCH');
    expect(ran).toBe(0);
  });

  it('@RequireDpop() refuses a Bearer token that the module accepts elsewhere', async () => {
    const plain = await token();
    expect((await request(base).get('/me').set('Authorization', `Bearer ${plain}`)).status).toBe(
      200,
    );
    const res = await request(base).get('/strict').set('Authorization', `Bearer ${plain}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_DPOP_BINDING_MISMATCH');
    expect(res.headers['www-authenticate']).toBe(
      'DPoP algs="ES256 EdDSA Ed25519 PS256 RS256", error="invalid_token", error_description="The access token is not bound to the proof of possession sent"',
    );
    const accessToken = await bound();
    const ok = await request(base)
      .get('/strict')
      .set('Authorization', `DPoP ${accessToken}`)
      .set('DPoP', proof('/strict', accessToken));
    expect(ok.status).toBe(200);
    expect(ran).toBe(2);
  });
});
