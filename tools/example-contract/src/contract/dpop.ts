// DPoP (RFC 9449) in the examples: a login with a proof gets a bound token, which the routes
// accept only with a fresh proof.
import { decodeUnverified } from '@tokenward/core';
import { dpopTestClient } from '@tokenward/test-tokens';
import request from 'supertest';

/**
 * Registers the DPoP tests against the app `url()` names.
 *
 * @param url - the base URL of the running example (read inside each test)
 * @example
 * ```ts
 * dpopContract(() => running.baseUrl);
 * ```
 */
export function dpopContract(url: () => string): void {
  const client = dpopTestClient();
  const login = (username: string, proof: string) =>
    request(url())
      .post('/auth/login')
      .set('DPoP', proof)
      .send({ username, password: `${username}-password` });
  const get = (path: string, token: string, proof: string) =>
    request(url()).get(path).set('Authorization', `DPoP ${token}`).set('DPoP', proof);

  test('POST /auth/login with a DPoP proof returns a DPoP-bound token, without a cookie', async () => {
    const res = await login('alice', client.proof('POST', `${url()}/auth/login`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'DPoP', expires_in: expect.any(Number) });
    expect(res.headers['set-cookie']).toBeUndefined();
    const { payload } = decodeUnverified(res.body.access_token as string);
    expect(payload.cnf).toEqual({ jkt: client.jkt });
  });

  test('a login proof for another URL is refused (401 invalid_dpop_proof)', async () => {
    const res = await login('alice', client.proof('POST', `${url()}/auth/other`));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_DPOP_PROOF_INVALID');
    expect(res.headers['www-authenticate']).toMatch(
      /^DPoP algs="[^"]+", error="invalid_dpop_proof"/,
    );
  });

  test('/me and /admin accept the bound token with a fresh proof; a replayed proof is refused', async () => {
    const token = (await login('alice', client.proof('POST', `${url()}/auth/login`))).body
      .access_token as string;
    const proof = client.proof('GET', `${url()}/me`, { token });
    const me = await get('/me', token, proof);
    expect(me.status).toBe(200);
    expect(me.body.sub).toBe('alice');
    const admin = await get('/admin', token, client.proof('GET', `${url()}/admin`, { token }));
    expect(admin.status).toBe(200);
    const replayed = await get('/me', token, proof);
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('ERR_DPOP_REPLAYED');
  });

  test('the bound token sent as a Bearer token is refused', async () => {
    const token = (await login('bob', client.proof('POST', `${url()}/auth/login`))).body
      .access_token as string;
    const res = await request(url()).get('/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_DPOP_BINDING_MISMATCH');
  });
}
