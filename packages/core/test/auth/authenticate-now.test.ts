import {
  createAuthenticator,
  MemoryRevocationStore,
  type AuthenticatorOptions,
} from '@tokenward/core';
import { authorizationView, clock, NOW, SECRET, signHs256 } from '../helpers/hs256-requests';
import { thrown } from '../helpers/jwt-errors';

// authenticateNow: the same answers as authenticate, without a promise when nothing has to wait.
// Every token carries the jti the revocation test revokes.
const sign = (claims: Record<string, unknown>) => signHs256({ jti: 't-1', ...claims });
const view = authorizationView;

function auth(options: AuthenticatorOptions = {}) {
  return createAuthenticator({ algorithms: ['HS256'], key: SECRET, clock, realm: 'r', ...options });
}

describe('authenticateNow', () => {
  it('answers a configured key without a promise, with the same result as authenticate', async () => {
    const token = await sign({ sub: 'alice' });
    const a = auth();
    for (let i = 0; i < 2; i++) {
      // The first call verifies, the second is a verified-token cache hit: both synchronous.
      const answer = a.authenticateNow(view(`Bearer ${token}`));
      expect(answer).not.toBeInstanceOf(Promise);
      expect(answer).toEqual(await a.authenticate(view(`Bearer ${token}`)));
      expect(answer).toMatchObject({ authenticated: true, token, source: 'header' });
    }
  });

  it('throws the JwtError that authenticate rejects with, realm set', async () => {
    const a = auth();
    const missing = thrown(() => a.authenticateNow(view()));
    expect([missing.code, missing.status, missing.realm]).toEqual(['ERR_JWT_MISSING', 401, 'r']);
    const bad = thrown(() => a.authenticateNow(view('Bearer abc.def.ghi')));
    expect([bad.code, bad.realm]).toEqual(['ERR_JWT_MALFORMED', 'r']);
    await expect(a.authenticate(view('Bearer abc.def.ghi'))).rejects.toMatchObject({
      code: 'ERR_JWT_MALFORMED',
    });
    const spaced = thrown(() => a.authenticateNow(view('Bearer a b')));
    expect([spaced.code, spaced.status]).toEqual(['ERR_JWT_INVALID_REQUEST', 400]);
  });

  it('returns a promise when a revocation store must be asked, and rejects a revoked token', async () => {
    const token = await sign({ sub: 'alice' });
    const revocation = new MemoryRevocationStore({ clock });
    const a = auth({ revocation });
    const answer = a.authenticateNow(view(`Bearer ${token}`));
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toMatchObject({ authenticated: true });
    await revocation.revoke({ jti: 't-1', exp: NOW + 600 });
    const revoked = a.authenticateNow(view(`Bearer ${token}`));
    await expect(revoked).rejects.toMatchObject({ code: 'ERR_JWT_REVOKED', realm: 'r' });
    revocation.close();
  });

  it('returns a promise for a custom getter, and passes its own failure on unchanged', async () => {
    const token = await sign({ sub: 'bob' });
    const ok = auth({ getToken: () => Promise.resolve(token) }).authenticateNow(view());
    await expect(ok).resolves.toMatchObject({ authenticated: true, source: 'custom' });
    const boom = new Error('boom');
    const failing = auth({ getToken: () => Promise.reject(boom) }).authenticateNow(view());
    await expect(failing).rejects.toBe(boom);
  });
});
