import {
  createAuthenticator,
  createVerifier,
  type AuthenticatorOptions,
  type Verifier,
} from '@tokenward/core';
import { authorizationView, clock, SECRET, signHs256 } from '../helpers/hs256-requests';
import { rejection, thrown } from '../helpers/jwt-errors';

// A Bearer token's RFC 6750 b64token syntax is checked when the token is refused (our verifier
// refuses anything that is not base64url and dots before any key lookup): the answers are those of
// a check made first, and a token the verifier accepts is never scanned for it.
const sign = signHs256;
const view = authorizationView;

function auth(options: AuthenticatorOptions = {}) {
  return createAuthenticator({ algorithms: ['HS256'], key: SECRET, clock, ...options });
}

describe('the Bearer token syntax (b64token)', () => {
  it.each([
    ['a character outside b64token', 'abc$def.ghi.jkl'],
    ['an "=" before the end', 'abc=def.ghi.jkl'],
    ['a non-ASCII character', 'abc.dëf.ghi'],
    ['only padding', '=='],
  ])('refuses %s with 400 invalid_request, sync and async alike', async (_, token) => {
    const a = auth();
    const now = thrown(() => a.authenticateNow(view(`Bearer ${token}`)));
    expect([now.code, now.status]).toEqual(['ERR_JWT_INVALID_REQUEST', 400]);
    expect(now.headers['WWW-Authenticate']).toContain('error="invalid_request"');
    const later = await rejection(a.authenticate(view(`Bearer ${token}`)));
    expect(later.code).toBe('ERR_JWT_INVALID_REQUEST');
  });

  it('keeps 400 for a malformed token longer than maxTokenLength (not ERR_JWT_TOO_LARGE)', () => {
    const a = auth({ maxTokenLength: 100 });
    expect(thrown(() => a.authenticateNow(view(`Bearer ${'a$'.repeat(100)}`))).code).toBe(
      'ERR_JWT_INVALID_REQUEST',
    );
    expect(thrown(() => a.authenticateNow(view(`Bearer ${'a'.repeat(200)}`))).code).toBe(
      'ERR_JWT_TOO_LARGE',
    );
  });

  it('gives a b64token that is no JWT the verifier’s answer (401 malformed)', () => {
    const err = thrown(() => auth().authenticateNow(view('Bearer abc~def.g+h/i.jkl==')));
    expect([err.code, err.status]).toEqual(['ERR_JWT_MALFORMED', 401]);
  });

  it('refuses a malformed token of an asynchronous verification with 400 too', async () => {
    const a = auth({ key: async () => SECRET });
    expect((await rejection(a.authenticate(view('Bearer abc$def.ghi.jkl')))).code).toBe(
      'ERR_JWT_INVALID_REQUEST',
    );
    const token = await sign({ sub: 'alice' });
    expect(await a.authenticate(view(`Bearer ${token}`))).toMatchObject({ authenticated: true });
  });

  it('accepts a valid token, from the cache or not', async () => {
    const token = await sign({ sub: 'alice' });
    const a = auth();
    for (let i = 0; i < 2; i++) {
      expect(a.authenticateNow(view(`Bearer ${token}`))).toMatchObject({
        authenticated: true,
        claims: { sub: 'alice' },
      });
    }
  });

  it('checks first when the verifier is not one of ours: it never sees a malformed token', async () => {
    const ours = createVerifier({ algorithms: ['HS256'], key: SECRET, clock });
    const seen: string[] = [];
    const foreign: Verifier = {
      verify: (token: string) => {
        seen.push(token);
        return ours.verify(token);
      },
    } as Verifier;
    const a = createAuthenticator({ verifier: foreign });
    expect((await rejection(a.authenticate(view('Bearer abc$def.ghi.jkl')))).code).toBe(
      'ERR_JWT_INVALID_REQUEST',
    );
    expect(seen).toEqual([]);
    const token = await sign({ sub: 'alice' });
    expect(await a.authenticate(view(`Bearer ${token}`))).toMatchObject({ authenticated: true });
    expect(seen).toEqual([token]);
  });
});
