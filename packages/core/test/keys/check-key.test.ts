import { createSecretKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { ALGORITHMS, generateSecret, JwtError } from '../../src/index.js';
import { checkHmacSecret, checkKeyForAlgorithm } from '../../src/keys/check-key.js';
import { importKeyInput } from '../../src/keys/import-key-input.js';

const pairs = {
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  rsa3: generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 }),
  pss: generateKeyPairSync('rsa-pss', {
    modulusLength: 2048,
    hashAlgorithm: 'sha384',
    mgf1HashAlgorithm: 'sha384',
    saltLength: 48,
  } as { modulusLength: number }),
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  p521: generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  k1: generateKeyPairSync('ec', { namedCurve: 'secp256k1' }),
  ed: generateKeyPairSync('ed25519'),
};
const hmac = createSecretKey(randomBytes(64));

// Which algorithm each key may serve; everything else must be refused (public and private).
const serves: Array<[string, object, string[]]> = [
  ['64-byte secret', { publicKey: hmac, privateKey: hmac }, ['HS256', 'HS384', 'HS512']],
  ['RSA 2048', pairs.rsa, ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
  ['RSA e=3', pairs.rsa3, ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
  ['RSA-PSS sha384', pairs.pss, ['PS384']],
  ['P-256', pairs.p256, ['ES256']],
  ['P-384', pairs.p384, ['ES384']],
  ['P-521', pairs.p521, ['ES512']],
  ['secp256k1', pairs.k1, []],
  ['Ed25519', pairs.ed, ['EdDSA', 'Ed25519']],
];

describe('checkKeyForAlgorithm', () => {
  it.each(serves)('%s serves exactly %j', (_name, pair, algs) => {
    for (const key of Object.values(pair)) {
      for (const alg of ALGORITHMS) {
        const check = () => checkKeyForAlgorithm(key, alg, 'key.keys[0]');
        if (algs.includes(alg)) expect(check).not.toThrow();
        else
          expect(check).toThrow(
            expect.objectContaining({
              code: 'ERR_JWT_KEY_INVALID',
              message: expect.stringContaining('"key.keys[0]"'),
            }),
          );
      }
    }
  });

  it('HMAC secrets: the hash size at least, never key material', () => {
    expect(() => checkHmacSecret(randomBytes(32), 'HS256', 'key')).not.toThrow();
    expect(() => checkHmacSecret(randomBytes(47), 'HS384', 'key')).toThrow(JwtError);
    const der = pairs.p256.publicKey.export({ format: 'der', type: 'spki' });
    expect(() => checkHmacSecret(der, 'HS256', 'key')).toThrow(/DER/);
    expect(() =>
      checkHmacSecret(Buffer.from('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA'), 'HS256', 'key'),
    ).toThrow(/OpenSSH/);
  });

  it('refuses a JWK pasted as a secret, but not random bytes that happen to start with "{"', () => {
    const jwk = Buffer.from(JSON.stringify(pairs.p256.publicKey.export({ format: 'jwk' })));
    expect(() => checkHmacSecret(jwk, 'HS256', 'key')).toThrow(/JWK or other JSON/);
    const brace = Buffer.concat([Buffer.from('{'), Buffer.alloc(31, 0xc3)]);
    expect(() => checkHmacSecret(brace, 'HS256', 'key')).not.toThrow();
  });

  it('accepts every generated secret (one in 256 starts with "{")', () => {
    for (let i = 0; i < 2000; i++) {
      const secret = generateSecret('HS256');
      expect(() => checkHmacSecret(secret, 'HS256', 'key')).not.toThrow();
    }
  });
});

describe('importKeyInput', () => {
  it('copies a byte secret: later changes to the buffer do not change the key', () => {
    const bytes = randomBytes(32);
    const key = importKeyInput(bytes, 'key');
    const before = key.keyObject.export();
    bytes.fill(0);
    expect(key.keyObject.export()).toEqual(before);
  });

  it('reads a string secret as UTF-8', () => {
    const key = importKeyInput('é'.repeat(16), 'key');
    expect(key.keyObject.symmetricKeySize).toBe(32);
  });

  it('refuses private keys in every form', () => {
    for (const key of [
      pairs.rsa.privateKey,
      pairs.rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }),
      pairs.ed.privateKey.export({ format: 'pem', type: 'pkcs8' }),
      pairs.p256.privateKey.export({ format: 'jwk' }),
    ]) {
      expect(() => importKeyInput(key, 'key')).toThrow(
        expect.objectContaining({ code: 'ERR_JWT_KEY_INVALID' }),
      );
    }
  });
});
