import { createSecretKey, generateKeyPairSync } from 'node:crypto';
import { createSigner, generateSecret, type Algorithm } from '../../src/index.js';
import { rejection, thrown } from '../helpers/jwt-errors';

const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
const ed25519 = generateKeyPairSync('ed25519');
const ed448 = generateKeyPairSync('ed448');
const x25519 = generateKeyPairSync('x25519');
const publicPem = rsa2048.publicKey.export({ format: 'pem', type: 'spki' }) as string;

describe('createSigner refuses weak or wrong keys with ERR_JWT_KEY_INVALID naming "key"', () => {
  it.each<[string, Algorithm, unknown]>([
    ['a 31-byte HS256 secret', 'HS256', Buffer.alloc(31, 1)],
    ['a 31-character HS256 string', 'HS256', 'x'.repeat(31)],
    ['a 47-byte HS384 secret', 'HS384', generateSecret('HS256').subarray(0, 47)],
    ['a 32-byte HS512 secret', 'HS512', generateSecret('HS256')],
    ['an empty secret', 'HS256', ''],
    ['a PEM public key as HMAC secret', 'HS256', publicPem],
    ['a JWK-looking HMAC secret', 'HS256', JSON.stringify({ kty: 'oct', k: 'x'.repeat(64) })],
    [
      'a DER public key as HMAC secret',
      'HS256',
      rsa2048.publicKey.export({ format: 'der', type: 'spki' }),
    ],
    ['a short secret KeyObject', 'HS256', createSecretKey(Buffer.alloc(16))],
    ['an RSA key for HS256', 'HS256', rsa2048.privateKey],
    ['RSA 1024 for RS256', 'RS256', rsa1024.privateKey],
    [
      'RSA 1024 PEM for PS256',
      'PS256',
      rsa1024.privateKey.export({ format: 'pem', type: 'pkcs8' }),
    ],
    ['a public KeyObject', 'RS256', rsa2048.publicKey],
    ['a public PEM', 'RS256', publicPem],
    ['a public JWK', 'ES256', p256.publicKey.export({ format: 'jwk' })],
    ['garbage PEM', 'RS256', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
    ['bytes for RS256', 'RS256', Buffer.alloc(64)],
    ['a secret KeyObject for RS256', 'RS256', createSecretKey(Buffer.alloc(64))],
    ['an EC key for RS256', 'RS256', p256.privateKey],
    ['P-384 for ES256', 'ES256', p384.privateKey],
    ['P-256 for ES384', 'ES384', p256.privateKey],
    ['Ed448 for EdDSA', 'EdDSA', ed448.privateKey],
    ['X25519 for EdDSA', 'EdDSA', x25519.privateKey],
    ['Ed25519 for ES256', 'ES256', ed25519.privateKey],
    [
      'a JWK pinned to another alg',
      'ES256',
      { ...p256.privateKey.export({ format: 'jwk' }), alg: 'ES384' },
    ],
    ['a JWK for encryption', 'ES256', { ...p256.privateKey.export({ format: 'jwk' }), use: 'enc' }],
    [
      'a JWK without sign in key_ops',
      'ES256',
      { ...p256.privateKey.export({ format: 'jwk' }), key_ops: ['verify'] },
    ],
    ['an oct JWK with non-canonical k', 'HS256', { kty: 'oct', k: `${'A'.repeat(43)}=` }],
    [
      'an oct JWK that is too short',
      'HS256',
      { kty: 'oct', k: Buffer.alloc(16).toString('base64url') },
    ],
    ['a number', 'HS256', 42],
    ['nothing', 'HS256', undefined],
  ])('%s', (_name, algorithm, key) => {
    const err = thrown(() => createSigner({ algorithm, key: key as never }));
    expect(err.code).toBe('ERR_JWT_KEY_INVALID');
    expect(err.message).toContain('"key"');
    expect(err.message).not.toContain('BEGIN');
  });

  it('never puts the secret in the message', () => {
    const secret = 'short-but-very-recognisable';
    const err = thrown(() => createSigner({ algorithm: 'HS256', key: secret }));
    expect(err.message).not.toContain(secret);
  });
});

describe('createSigner refuses bad options with ERR_JWT_CONFIG_INVALID naming the option', () => {
  const key = generateSecret('HS256');
  it.each<[string, Record<string, unknown>, string]>([
    ['alg none', { algorithm: 'none' }, 'algorithm'],
    ['a lower-case alg', { algorithm: 'hs256' }, 'algorithm'],
    ['no algorithm', { algorithm: undefined }, 'algorithm'],
    ['an algorithms array', { algorithm: undefined, algorithms: ['HS256'] }, 'algorithm'],
    ['expiresIn 0', { expiresIn: 0 }, 'expiresIn'],
    ['expiresIn -5', { expiresIn: -5 }, 'expiresIn'],
    ['expiresIn 1.5', { expiresIn: 1.5 }, 'expiresIn'],
    ['expiresIn "60"', { expiresIn: '60' }, 'expiresIn'],
    ['expiresIn "1.5h"', { expiresIn: '1.5h' }, 'expiresIn'],
    ['expiresIn "15 m"', { expiresIn: '15 m' }, 'expiresIn'],
    ['expiresIn "15M"', { expiresIn: '15M' }, 'expiresIn'],
    ['expiresIn "1w"', { expiresIn: '1w' }, 'expiresIn'],
    ['an empty issuer', { issuer: '' }, 'issuer'],
    ['a numeric issuer', { issuer: 5 }, 'issuer'],
    ['an empty audience list', { audience: [] }, 'audience'],
    ['a bad audience member', { audience: ['a', 7] }, 'audience[1]'],
    ['an empty kid', { kid: '' }, 'kid'],
    ['a kid with a lone surrogate', { kid: 'k\uD800' }, 'kid'],
    ['a numeric typ', { typ: 1 }, 'typ'],
    ['a non-function clock', { clock: 5 }, 'clock'],
  ])('%s', (_name, options, option) => {
    const err = thrown(() => createSigner({ algorithm: 'HS256', key, ...options } as never));
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.message).toContain(`"${option}"`);
  });

  it('refuses a non-object', () => {
    expect(thrown(() => createSigner(null as never)).code).toBe('ERR_JWT_CONFIG_INVALID');
  });
});

describe('sign() rejects claims that cannot become the token the caller meant', () => {
  const signer = createSigner({ algorithm: 'HS256', key: generateSecret('HS256'), clock: () => 0 });
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let i = 0; i < 40; i++) cursor = cursor.next = {} as Record<string, unknown>;
  const proto = JSON.parse('{"__proto__": {"admin": true}}') as Record<string, unknown>;

  it.each<[string, unknown, string]>([
    ['a function', { f: () => 1 }, 'claims.f'],
    ['a cycle', { data: cyclic }, 'claims.data.self'],
    ['a BigInt', { n: 10n }, 'claims.n'],
    ['a symbol', { s: Symbol('x') }, 'claims.s'],
    ['NaN', { score: Number.NaN }, 'claims.score'],
    ['Infinity in an array', { list: [1, Infinity] }, 'claims.list[1]'],
    ['undefined in an array', { list: [undefined] }, 'claims.list[0]'],
    ['a Date', { when: new Date(0) }, 'claims.when'],
    ['a Map', { m: new Map() }, 'claims.m'],
    ['a lone surrogate', { name: 'x\uDC00' }, 'claims.name'],
    ['a lone surrogate in a member name', { o: { 'k\uD800': 1 } }, 'claims.o'],
    ['a __proto__ member', { nested: proto }, 'claims.nested'],
    ['a too deep object', { deep }, 'claims.deep'],
    ['a constructor.prototype object', { c: { constructor: { prototype: {} } } }, 'claims.c'],
    ['exp as a string', { exp: '1700000000' }, 'claims.exp'],
    ['iat as NaN', { iat: Number.NaN }, 'claims.iat'],
    ['nbf as an array', { nbf: [1] }, 'claims.nbf'],
    ['a numeric sub', { sub: 42 }, 'claims.sub'],
    ['a numeric jti', { jti: 1 }, 'claims.jti'],
    ['aud with a number', { aud: ['a', 1] }, 'claims.aud'],
    ['an array as claims', [1], 'claims'],
    ['null as claims', null, 'claims'],
  ])('%s', async (_name, claims, option) => {
    const err = await rejection(signer.sign(claims as never));
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.message).toContain(`"${option}`);
  });

  it('a __proto__ claim at the top level is refused too', async () => {
    const err = await rejection(signer.sign(proto as never));
    expect(err.message).toContain('"claims"');
    expect(Object.prototype).not.toHaveProperty('admin');
  });

  it('rejects bad per-call options and a broken clock', async () => {
    expect((await rejection(signer.sign({}, { expiresIn: '60' as never }))).message).toContain(
      '"options.expiresIn"',
    );
    expect((await rejection(signer.sign({}, null as never))).message).toContain('"options"');
    const broken = createSigner({
      algorithm: 'HS256',
      key: generateSecret('HS256'),
      clock: () => NaN,
    });
    expect((await rejection(broken.sign())).message).toContain('"clock"');
  });

  it('accepts 32 levels of nesting, the most the verifier reads', async () => {
    let value: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) value = { v: value }; // + claims + innermost = 32 containers
    await expect(signer.sign({ value })).resolves.toMatch(/^ey/);
    await expect(signer.sign({ value: [value] })).rejects.toThrow('nests deeper');
  });

  it('accepts a null-prototype claims object and nested undefined members', async () => {
    const claims = Object.assign(Object.create(null) as Record<string, unknown>, {
      sub: 'u',
      extra: { gone: undefined, kept: null },
    });
    const token = await signer.sign(claims);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ sub: 'u', extra: { kept: null } });
    expect(payload.extra).not.toHaveProperty('gone');
  });
});
