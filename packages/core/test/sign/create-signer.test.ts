import { type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import {
  ALGORITHMS,
  createSigner,
  generateKeyPair,
  generateSecret,
  type Algorithm,
} from '../../src/index.js';

const NOW_MS = 1_700_000_000_500;
const NOW = 1_700_000_000;
const clock = () => NOW_MS;
const ISS = 'https://auth.example.com/';
const AUD = 'https://api.example.com';

interface Pair {
  sign: KeyObject | Buffer;
  verify: KeyObject | Uint8Array;
}
const keys = new Map<Algorithm, Pair>();
beforeAll(async () => {
  for (const alg of ALGORITHMS) {
    if (alg.startsWith('HS')) {
      const secret = generateSecret(alg);
      keys.set(alg, { sign: secret, verify: new Uint8Array(secret) });
    } else {
      const { privateKey, publicKey } = await generateKeyPair(alg);
      keys.set(alg, { sign: privateKey, verify: publicKey });
    }
  }
}, 60_000);

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('createSigner: tokens jose verifies', () => {
  it.each([...ALGORITHMS])('%s: jose jwtVerify accepts our token', async (alg) => {
    const { sign, verify } = keys.get(alg)!;
    const signer = createSigner({
      algorithm: alg,
      key: sign,
      issuer: ISS,
      audience: AUD,
      kid: 'k1',
      clock,
    });
    expect(signer.algorithm).toBe(alg);
    const token = await signer.sign({ sub: 'alice', roles: ['admin'] });
    const { payload, protectedHeader } = await jwtVerify(token, verify, {
      algorithms: [alg],
      issuer: ISS,
      audience: AUD,
      subject: 'alice',
      typ: 'JWT',
      currentDate: new Date(NOW_MS),
      requiredClaims: ['exp', 'iat', 'jti'],
    });
    expect(protectedHeader).toEqual({ alg, typ: 'JWT', kid: 'k1' });
    expect(payload).toMatchObject({ sub: 'alice', roles: ['admin'], iat: NOW, exp: NOW + 900 });
  });

  it('makes a fresh ECDSA signature of exactly 64 bytes (raw R‖S, not DER)', async () => {
    const signer = createSigner({ algorithm: 'ES256', key: keys.get('ES256')!.sign, clock });
    for (let i = 0; i < 20; i++) {
      const sig = (await signer.sign({ jti: 'same' })).split('.')[2]!;
      expect(Buffer.from(sig, 'base64url')).toHaveLength(64);
    }
  });

  it('accepts PEM (PKCS#8, PKCS#1, SEC1), private JWK, oct JWK and string/bytes secrets', async () => {
    const rsa = keys.get('RS256')!.sign as KeyObject;
    const ec = keys.get('ES384')!.sign as KeyObject;
    const ed = keys.get('EdDSA')!.sign as KeyObject;
    const secret = 'a-utf8-secret-that-is-long-enough-for-hs256';
    const cases: [Algorithm, unknown, KeyObject | Uint8Array][] = [
      ['RS256', rsa.export({ format: 'pem', type: 'pkcs8' }), keys.get('RS256')!.verify],
      ['PS384', rsa.export({ format: 'pem', type: 'pkcs1' }), keys.get('RS256')!.verify],
      ['ES384', ec.export({ format: 'pem', type: 'sec1' }), keys.get('ES384')!.verify],
      [
        'ES384',
        { ...ec.export({ format: 'jwk' }), alg: 'ES384', use: 'sig' },
        keys.get('ES384')!.verify,
      ],
      ['EdDSA', { ...ed.export({ format: 'jwk' }), key_ops: ['sign'] }, keys.get('EdDSA')!.verify],
      ['HS256', secret, new TextEncoder().encode(secret)],
      ['HS384', { kty: 'oct', k: Buffer.alloc(48, 7).toString('base64url') }, Buffer.alloc(48, 7)],
      ['HS512', new Uint8Array(64).fill(9), new Uint8Array(64).fill(9)],
    ];
    for (const [alg, key, verifyKey] of cases) {
      const token = await createSigner({ algorithm: alg, key: key as never, clock }).sign();
      await expect(
        jwtVerify(token, verifyKey, { algorithms: [alg], currentDate: new Date(NOW_MS) }),
      ).resolves.toBeDefined();
    }
  });
});

describe('createSigner: header and claim defaults', () => {
  const hs = () => keys.get('HS256')!.sign;

  it('sets iat from the clock, exp = iat + 900 by default, and a random UUID jti', async () => {
    const signer = createSigner({ algorithm: 'HS256', key: hs(), clock });
    const a = decodePayload(await signer.sign());
    const b = decodePayload(await signer.sign());
    expect(a).toEqual({ iat: NOW, exp: NOW + 900, jti: expect.any(String) });
    expect(a.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.jti).not.toBe(b.jti);
  });

  it('uses the real clock by default', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { iat } = decodePayload(await createSigner({ algorithm: 'HS256', key: hs() }).sign());
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it.each([
    [60, 60],
    ['90s', 90],
    ['15m', 900],
    ['12h', 43_200],
    ['7d', 604_800],
  ])('expiresIn %j gives exp = iat + %i', async (expiresIn, seconds) => {
    const signer = createSigner({
      algorithm: 'HS256',
      key: hs(),
      clock,
      expiresIn: expiresIn as never,
    });
    expect(decodePayload(await signer.sign()).exp).toBe(NOW + seconds);
  });

  it('lets explicit claims win, and leaves out registered claims set to undefined', async () => {
    const signer = createSigner({
      algorithm: 'HS256',
      key: hs(),
      clock,
      issuer: ISS,
      audience: [AUD, 'x'],
    });
    expect(decodePayload(await signer.sign({ sub: 's' }))).toMatchObject({
      iss: ISS,
      aud: [AUD, 'x'],
    });
    const custom = decodePayload(
      await signer.sign({ iss: 'other', aud: 'y', iat: 5, exp: 10, nbf: 4, jti: 'mine' }),
    );
    expect(custom).toEqual({ iss: 'other', aud: 'y', iat: 5, exp: 10, nbf: 4, jti: 'mine' });
    const bare = decodePayload(
      await signer.sign({ iss: undefined, aud: undefined, jti: undefined, exp: undefined }),
    );
    expect(bare).toEqual({ iat: NOW });
  });

  it('puts typ (default JWT, overridable at construction and per call) and kid in the header', async () => {
    const plain = createSigner({ algorithm: 'HS256', key: hs(), clock });
    expect(decodeProtectedHeader(await plain.sign())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const at = createSigner({ algorithm: 'HS256', key: hs(), clock, typ: 'at+jwt', kid: 'k-7' });
    expect(decodeProtectedHeader(await at.sign())).toEqual({
      alg: 'HS256',
      typ: 'at+jwt',
      kid: 'k-7',
    });
    const token = await at.sign(
      {},
      { typ: 'refresh+jwt', expiresIn: '1d', issuer: 'i', audience: 'a' },
    );
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'refresh+jwt', kid: 'k-7' });
    expect(decodePayload(token)).toMatchObject({ iss: 'i', aud: 'a', exp: NOW + 86_400 });
    expect(decodeProtectedHeader(await at.sign())).toEqual({
      alg: 'HS256',
      typ: 'at+jwt',
      kid: 'k-7',
    });
  });
});
