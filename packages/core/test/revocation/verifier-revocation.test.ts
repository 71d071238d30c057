import {
  createSigner,
  createVerifier,
  generateSecret,
  MemoryRevocationStore,
  type JwtClaims,
  type RevocationStore,
  type SubjectRevocation,
  type TokenRevocation,
} from '../../src/index.js';
import { rejection } from '../helpers/jwt-errors';

const T0 = 1_700_000_000;
const time = { now: T0 * 1000 };
const clock = () => time.now;

// A real MemoryRevocationStore that records which claims reached it.
class RecordingStore implements RevocationStore {
  readonly seen: JwtClaims[] = [];
  readonly inner = new MemoryRevocationStore({ clock });
  isRevoked(claims: JwtClaims) {
    this.seen.push(claims);
    return this.inner.isRevoked(claims);
  }
  revoke(token: TokenRevocation) {
    return this.inner.revoke(token);
  }
  revokeSubject(rule: SubjectRevocation) {
    return this.inner.revokeSubject(rule);
  }
}

const key = generateSecret('HS256');
const signer = createSigner({ algorithm: 'HS256', key, issuer: 'iss', audience: 'aud', clock });
let store: RecordingStore;
beforeEach(() => {
  time.now = T0 * 1000;
  store = new RecordingStore();
});
afterEach(() => store.inner.close());

function verifier(cache = false) {
  return createVerifier({
    algorithms: ['HS256'],
    key,
    issuer: 'iss',
    audience: 'aud',
    clock,
    revocation: store,
    ...(cache ? { cache: true } : {}),
  });
}

describe('verifier + MemoryRevocationStore', () => {
  it('rejects a token revoked by (iss, jti) with ERR_JWT_REVOKED (401), others stay valid', async () => {
    const v = verifier();
    const a = await signer.sign({ sub: 'alice' });
    const b = await signer.sign({ sub: 'alice' });
    const { payload } = await v.verify(a);
    await store.revoke({ jti: payload.jti!, iss: payload.iss, exp: payload.exp! });
    const err = await rejection(v.verify(a));
    expect(err.code).toBe('ERR_JWT_REVOKED');
    expect(err.status).toBe(401);
    expect(err.headers['WWW-Authenticate']).toContain('error="invalid_token"');
    await expect(v.verify(b)).resolves.toBeDefined();
  });

  it('checks revocation on every cache hit', async () => {
    const v = verifier(true);
    const token = await signer.sign({ sub: 'alice' });
    const { payload } = await v.verify(token);
    await v.verify(token); // a cache hit
    expect(store.seen).toHaveLength(2);
    await store.revoke({ jti: payload.jti!, iss: payload.iss, exp: payload.exp! });
    expect((await rejection(v.verify(token))).code).toBe('ERR_JWT_REVOKED');
    expect(store.seen).toHaveLength(3);
  });

  it('revokes a subject: older tokens rejected, a token issued in the same second or later accepted', async () => {
    const v = verifier(true);
    const old = await signer.sign({ sub: 'alice' });
    const bob = await signer.sign({ sub: 'bob' });
    await v.verify(old);
    time.now = (T0 + 10) * 1000;
    await store.revokeSubject({ sub: 'alice', issuedBefore: T0 + 10, until: T0 + 900 });
    expect((await rejection(v.verify(old))).code).toBe('ERR_JWT_REVOKED');
    await expect(v.verify(await signer.sign({ sub: 'alice' }))).resolves.toBeDefined();
    await expect(v.verify(bob)).resolves.toBeDefined();
  });

  it('never lets a token that failed another check reach the store', async () => {
    const v = verifier(true);
    const good = await signer.sign({ sub: 'alice' });
    const other = createSigner({
      algorithm: 'HS256',
      key: generateSecret('HS256'),
      issuer: 'iss',
      audience: 'aud',
      clock,
    });
    const rejected = [
      `${good.slice(0, -4)}AAAA`, // forged signature
      await other.sign({ sub: 'alice' }), // another key
      await signer.sign({ sub: 'alice' }, { issuer: 'evil' }),
      await signer.sign({ sub: 'alice' }, { audience: 'elsewhere' }),
      await signer.sign({ sub: 'alice', exp: T0 - 1 }),
      await signer.sign({ sub: 'alice', nbf: T0 + 60 }),
      'not.a.token',
      good.split('.').slice(0, 2).join('.'),
    ];
    for (const token of rejected) {
      expect((await rejection(v.verify(token))).code).not.toBe('ERR_JWT_REVOKED');
    }
    expect(store.seen).toHaveLength(0);
    await v.verify(good);
    expect(store.seen).toHaveLength(1);
  });

  it('rejects a cached token once it expired, without asking the store', async () => {
    const v = verifier(true);
    const token = await signer.sign({ sub: 'alice' }, { expiresIn: 60 });
    await v.verify(token);
    time.now = (T0 + 60) * 1000;
    expect((await rejection(v.verify(token))).code).toBe('ERR_JWT_EXPIRED');
    expect(store.seen).toHaveLength(1);
  });

  it('fails closed (503) when the store cannot answer', async () => {
    const broken: RevocationStore = {
      isRevoked: () => Promise.reject(new Error('connection refused')),
      revoke: () => Promise.resolve(),
      revokeSubject: () => Promise.resolve(),
    };
    const v = createVerifier({
      algorithms: ['HS256'],
      key,
      clock,
      revocation: broken,
      cache: true,
    });
    const token = await signer.sign({ sub: 'alice' });
    for (let i = 0; i < 2; i++) {
      const err = await rejection(v.verify(token));
      expect(err.code).toBe('ERR_REVOCATION_UNAVAILABLE');
      expect(err.status).toBe(503);
    }
  });
});
