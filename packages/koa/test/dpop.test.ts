import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'koa';
import request from 'supertest';
import { dpopTestClient } from '@tokenward/test-tokens';
import { jwt } from '../src/index.js';
import { MAJORS, VERIFY, route, sign } from './fixtures.js';

const client = dpopTestClient();
const ALGS = 'DPoP algs="ES256 EdDSA Ed25519 PS256 RS256"';
const NONCE = 'the koa dpop nonce secret, 32+ bytes....';
// The /nonce route's frozen clock (seconds), ahead of real time by less than the tokens' life.
let clockAt = 0;

describe.each(MAJORS)('DPoP on %s', (_name, Koa) => {
  let server: Server;
  let base: string;
  let ran: number;
  const handler = (ctx: Context) => {
    ran++;
    ctx.body = { sub: (ctx.state.user as { sub?: string } | undefined)?.sub ?? null };
  };

  beforeAll(async () => {
    const app = new Koa();
    app.silent = true;
    app.proxy = true;
    app.use(
      route({
        '/me': [jwt({ ...VERIFY, dpop: {} }), handler],
        '/strict': [jwt({ ...VERIFY, dpop: { mode: 'required' } }), handler],
        '/nonce': [
          jwt({ ...VERIFY, clock: () => clockAt * 1000, dpop: { nonce: { secret: NONCE } } }),
          handler,
        ],
      }) as never,
    );
    server = createServer(app.callback()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    ran = 0;
  });

  const bound = () => sign({ sub: 'alice' }, { dpopJkt: client.jkt });

  test('accepts Authorization: DPoP with a fresh proof; the same proof twice is refused', async () => {
    const token = await bound();
    const proof = client.proof('GET', `${base}/me`, { token });
    const ok = await request(server)
      .get('/me?x=1')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', proof);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ sub: 'alice' });
    const again = await request(server)
      .get('/me')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', proof);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('ERR_DPOP_REPLAYED');
    expect(again.headers['www-authenticate']).toBe(
      `${ALGS}, error="invalid_dpop_proof", error_description="The DPoP proof was already used", Bearer realm="api"`,
    );
    expect(ran).toBe(1);
  });

  test('refuses a bound token sent as Bearer, and a proof for another URL', async () => {
    const token = await bound();
    const res = await request(server).get('/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_DPOP_BINDING_MISMATCH');
    const wrongUrl = await request(server)
      .get('/me')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', client.proof('GET', `${base}/ME`, { token }));
    expect(wrongUrl.status).toBe(401);
    expect(wrongUrl.body.code).toBe('ERR_DPOP_PROOF_INVALID');
    expect(ran).toBe(0);
  });

  test("takes the proof's scheme and host from app.proxy", async () => {
    const token = await bound();
    const res = await request(server)
      .get('/me')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'api.example.com')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', client.proof('GET', 'https://api.example.com/me', { token }));
    expect(res.status).toBe(200);
  });

  test('a route with dpop.mode required refuses Bearer tokens', async () => {
    const res = await request(server)
      .get('/strict')
      .set('Authorization', `Bearer ${await sign({ sub: 'bob' })}`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^DPoP algs="[^"]+", error="invalid_token"/);
    expect(ran).toBe(0);
  });

  test('server nonces: DPoP-Nonce on the 401, and a new one on a success when rotating', async () => {
    clockAt = Math.floor(Date.now() / 1000 / 300) * 300 + 310;
    const token = await bound();
    const at = (iat: number, nonce?: string) =>
      client.proof('GET', `${base}/nonce`, { token, iat, claims: nonce ? { nonce } : {} });
    const ask = await request(server)
      .get('/nonce')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', at(clockAt));
    expect(ask.status).toBe(401);
    expect(ask.body.code).toBe('ERR_DPOP_NONCE_REQUIRED');
    const nonce = ask.headers['dpop-nonce'] as string;
    clockAt += 300;
    const rotated = await request(server)
      .get('/nonce')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', at(clockAt, nonce));
    expect(rotated.status).toBe(200);
    expect(rotated.headers['dpop-nonce']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(rotated.headers['dpop-nonce']).not.toBe(nonce);
  });
});
