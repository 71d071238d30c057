import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'express';
import request from 'supertest';
import { dpopTestClient } from '@tokenward/test-tokens';
import { jwt, type AuthRequest } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

const client = dpopTestClient();
const ALGS = 'DPoP algs="ES256 EdDSA PS256 RS256"';

describe.each(MAJORS)('DPoP on %s', (_name, express) => {
  let server: Server;
  let base: string;
  let ran: number;
  const handler = (req: AuthRequest, res: Response) => {
    ran++;
    res.json({ sub: req.auth?.sub ?? null });
  };

  beforeAll(async () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    app.get('/me', jwt({ ...VERIFY, dpop: {} }), handler);
    app.get('/strict', jwt({ ...VERIFY, dpop: { mode: 'required' } }), handler);
    server = app.listen(0, '127.0.0.1');
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

  test('refuses a bound token sent as Bearer, and accepts an unbound Bearer token', async () => {
    const res = await request(server)
      .get('/me')
      .set('Authorization', `Bearer ${await bound()}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_DPOP_BINDING_MISMATCH');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="api", error="invalid_token"/);
    const plain = await request(server)
      .get('/me')
      .set('Authorization', `Bearer ${await sign({ sub: 'bob' })}`);
    expect(plain.status).toBe(200);
    expect(ran).toBe(1);
  });

  test('refuses a proof for another method or URL, and two DPoP headers', async () => {
    const token = await bound();
    for (const proof of [
      client.proof('POST', `${base}/me`, { token }),
      client.proof('GET', `${base}/me/`, { token }),
      client.proof('GET', `https://127.0.0.1:${new URL(base).port}/me`, { token }),
    ]) {
      const res = await request(server)
        .get('/me')
        .set('Authorization', `DPoP ${token}`)
        .set('DPoP', proof);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ERR_DPOP_PROOF_INVALID');
    }
    const twice = await request(server)
      .get('/me')
      .set('Authorization', `DPoP ${token}`)
      // Two header lines (Node sends each array element as its own line).
      .set('DPoP', [
        client.proof('GET', `${base}/me`, { token }),
        client.proof('GET', `${base}/me`, { token }),
      ] as unknown as string);
    expect(twice.status).toBe(401);
    expect(twice.body.code).toBe('ERR_DPOP_PROOF_INVALID');
    expect(ran).toBe(0);
  });

  test("takes the proof's scheme and host from trust proxy", async () => {
    const token = await bound();
    const res = await request(server)
      .get('/me')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'api.example.com')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', client.proof('GET', 'https://api.example.com/me', { token }));
    expect(res.status).toBe(200);
  });

  test('a route with dpop.mode required refuses Bearer tokens (DPoP-only challenge)', async () => {
    const res = await request(server)
      .get('/strict')
      .set('Authorization', `Bearer ${await sign({ sub: 'bob' })}`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(
      `${ALGS}, error="invalid_token", error_description="The access token is not bound to the proof of possession sent"`,
    );
    const token = await bound();
    const ok = await request(server)
      .get('/strict')
      .set('Authorization', `DPoP ${token}`)
      .set('DPoP', client.proof('GET', `${base}/strict`, { token }));
    expect(ok.status).toBe(200);
    expect(ran).toBe(1);
  });
});
