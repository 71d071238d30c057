import { generateKeyPairSync } from 'node:crypto';
import { JwtError, type Jwk } from '../../src/index.js';
import { importJwkSet } from '../../src/keys/import-jwk-set.js';
import { readVectors } from '../verify/vector-helpers.js';

const ec = (kid?: string, extra: Partial<Jwk> = {}) =>
  ({
    ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }),
    ...(kid === undefined ? {} : { kid }),
    ...extra,
  }) as Jwk;
const rsa = (kid: string, extra: Partial<Jwk> = {}) =>
  ({
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
    kid,
    ...extra,
  }) as Jwk;
const roca = readVectors<{ testGroups: Array<{ comment: string; public?: { keys: Jwk[] } }> }>(
  'wycheproof/json_web_key_test.json',
).testGroups.find((g) => g.comment === 'jws_rsa_roca_key')!.public!.keys[0]!;

const bad: Array<[string, unknown]> = [
  ['unknown kty', { kty: 'XYZ', kid: 'u' }],
  ['oct key', { kty: 'oct', k: 'a'.repeat(64), kid: 'o' }],
  ['use enc', ec('e', { use: 'enc' })],
  ['key_ops without verify', ec('k', { key_ops: ['sign'] })],
  ['key_ops not an array', ec('k2', { key_ops: 'verify' as never })],
  ['unsupported alg', ec('a', { alg: 'ES256K' })],
  ['alg of another family', ec('f', { alg: 'RS256' })],
  ['missing member', { kty: 'EC', crv: 'P-256', kid: 'm' }],
  ['non-canonical member', ec('n', { x: `${ec().x}=` })],
  ['ROCA modulus', { ...roca, kid: 'roca' }],
  ['not an object', 'key'],
];

describe('importJwkSet', () => {
  it('strict: every bad key is a construction error naming its index', () => {
    for (const [name, key] of bad) {
      let err: unknown;
      try {
        importJwkSet({ keys: [ec('good'), key] }, { lenient: false, option: 'key' });
      } catch (e) {
        err = e;
      }
      expect([name, err]).toEqual([name, expect.any(JwtError)]);
      expect((err as JwtError).message).toContain('"key.keys[1]"');
    }
  });

  it('lenient: bad keys are skipped (RFC 7517 §5), good keys stay usable', () => {
    const good = ec('good', { alg: 'ES256' });
    const set = importJwkSet(
      { keys: [...bad.map(([, k]) => k), good] },
      { lenient: true, option: 'jwksUri' },
    );
    expect(set.size).toBe(1);
    expect(set.select('good', 'ES256')?.kid).toBe('good');
    expect(set.select('o', 'HS256')).toBeUndefined();
  });

  it('duplicate kid: strict refuses, lenient drops every key with it', () => {
    const keys = [ec('same'), rsa('same'), ec('other')];
    expect(() => importJwkSet({ keys }, { lenient: false, option: 'key' })).toThrow(
      /duplicate "kid"/,
    );
    const set = importJwkSet({ keys }, { lenient: true, option: 'key' });
    expect(set.size).toBe(1);
    expect(set.select('same', 'ES256')).toBeUndefined();
    expect(set.select('other', 'ES256')).toBeDefined();
  });

  it.each([null, [], {}, { keys: {} }, 'x', { keys: 'a' }])(
    'refuses %j as a set in both modes',
    (input) => {
      for (const lenient of [false, true]) {
        expect(() => importJwkSet(input, { lenient, option: 'key' })).toThrow(
          expect.objectContaining({ code: 'ERR_JWT_CONFIG_INVALID' }),
        );
      }
    },
  );

  it('selects by exact kid through a Map, and by alg when the token has no kid', () => {
    const set = importJwkSet({ keys: [ec('a'), rsa('r')] }, { lenient: false, option: 'key' });
    expect(set.select('a', 'ES256')?.kid).toBe('a');
    expect(set.select('a', 'RS256')).toBeUndefined();
    expect(set.select('A', 'ES256')).toBeUndefined();
    expect(set.select('__proto__', 'ES256')).toBeUndefined();
    expect(set.select(undefined, 'RS256')?.kid).toBe('r');
    expect(set.select(undefined, 'PS256')?.kid).toBe('r');
    // Ambiguous without a kid: two keys fit.
    const two = importJwkSet({ keys: [ec('a'), ec('b')] }, { lenient: false, option: 'key' });
    expect(two.select(undefined, 'ES256')).toBeUndefined();
  });

  it('a JWK alg pins the key to that one algorithm', () => {
    const set = importJwkSet(
      { keys: [rsa('r', { alg: 'PS384' })] },
      { lenient: false, option: 'key' },
    );
    expect(set.select('r', 'PS384')).toBeDefined();
    expect(set.select('r', 'PS256')).toBeUndefined();
    expect(set.select('r', 'RS384')).toBeUndefined();
  });
});
