import { createPublicKey, sign, verify } from 'node:crypto';
import { generateKeyPair, generateSecret, JwtError, type Algorithm } from '../../src/index.js';
import { thrown } from '../helpers/jwt-errors';

describe('generateSecret', () => {
  it.each([
    ['HS256', 32],
    ['HS384', 48],
    ['HS512', 64],
  ] as const)('%s gives %i random bytes', (alg, size) => {
    const a = generateSecret(alg);
    expect(Buffer.isBuffer(a)).toBe(true);
    expect(a).toHaveLength(size);
    expect(a.equals(generateSecret(alg))).toBe(false);
  });

  it.each(['RS256', 'EdDSA', 'none', 'hs256', 42])('refuses %j', (alg) => {
    const err = thrown(() => generateSecret(alg as Algorithm));
    expect(err.code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(err.message).toContain('"alg"');
  });
});

describe('generateKeyPair', () => {
  it.each([
    ['RS256', 'rsa', undefined],
    ['PS512', 'rsa', undefined],
    ['ES256', 'ec', 'prime256v1'],
    ['ES384', 'ec', 'secp384r1'],
    ['ES512', 'ec', 'secp521r1'],
    ['EdDSA', 'ed25519', undefined],
  ] as const)('%s gives a %s pair that works together', async (alg, type, curve) => {
    const { privateKey, publicKey, publicJwk } = await generateKeyPair(alg, { kid: 'k1' });
    expect(privateKey.type).toBe('private');
    expect(publicKey.type).toBe('public');
    expect(privateKey.asymmetricKeyType).toBe(type);
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe(curve);
    if (type === 'rsa') expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(publicJwk).toMatchObject({ alg, use: 'sig', kid: 'k1' });
    expect(publicJwk.d).toBeUndefined();
    const data = Buffer.from('hello');
    const hash = type === 'ed25519' ? null : 'sha256';
    const jwkKey = createPublicKey({ key: publicJwk as never, format: 'jwk' });
    expect(verify(hash, data, jwkKey, sign(hash, data, privateKey))).toBe(true);
  });

  it('honours modulusLength', async () => {
    const { publicKey } = await generateKeyPair('RS256', { modulusLength: 3072 });
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
  });

  it.each([
    ['HS256', {}, 'alg'],
    ['none', {}, 'alg'],
    ['RS256', { modulusLength: 1024 }, 'modulusLength'],
    ['RS256', { modulusLength: 2049 }, 'modulusLength'],
    ['ES256', { kid: '' }, 'kid'],
    ['ES256', null, 'options'],
  ])('refuses %s with %j naming %s', async (alg, options, name) => {
    const err = await generateKeyPair(alg as Algorithm, options as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JwtError);
    expect((err as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    expect((err as JwtError).message).toContain(`"${name}"`);
  });
});
