import { constants, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  createVerifier,
  JwtError,
  type Algorithm,
  type Jwk,
  type VerifierOptions,
} from '../../src/index.js';
import { rejection } from './vector-helpers.js';
import {
  b64,
  claims,
  clock,
  hs256,
  keys,
  pairFor,
  prototypeKeys,
  secret,
  signature,
  signToken,
} from './token-helpers.js';

// Attacks on algorithm selection and keys (DESIGN.md §5 keys policy, node:crypto traps).
const construction = (options: unknown): JwtError => {
  try {
    createVerifier(options as VerifierOptions);
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return err as JwtError;
  }
  throw new Error('expected createVerifier to throw');
};
const body = claims();
const PROTOTYPE = prototypeKeys();
afterEach(() => expect(prototypeKeys()).toEqual(PROTOTYPE));
const rsaPem = keys.rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const rsaJwk = keys.rsa.publicKey.export({ format: 'jwk' }) as Jwk;
const rsaDer = keys.rsa.publicKey.export({ format: 'der', type: 'spki' });

describe('alg none, in every casing', () => {
  it.each(['none', 'None', 'NONE', 'nOnE'])(
    'a token with alg %s → ERR_JWT_ALG_NOT_ALLOWED',
    async (alg) => {
      const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock });
      const unsigned = `${b64(JSON.stringify({ alg }))}.${b64(JSON.stringify(body))}.`;
      expect((await rejection(verifier, unsigned)).code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
      // Even with a signature attached.
      const signed = hs256({ alg }, body);
      expect((await rejection(verifier, signed)).code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
    },
  );

  it.each(['none', 'None', 'NONE'])('configuring %s is refused at construction', (alg) => {
    const err = construction({ algorithms: ['HS256', alg], key: secret });
    expect(err.code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
    expect(err.message).toContain('"algorithms"');
  });

  it('the allow-list is exact and case-sensitive', async () => {
    const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock });
    for (const alg of ['hs256', 'HS384', 'HS256 ', 'RS256']) {
      expect((await rejection(verifier, hs256({ alg }, body))).code).toBe(
        'ERR_JWT_ALG_NOT_ALLOWED',
      );
    }
    expect((await rejection(verifier, hs256({ typ: 'JWT' }, body))).code).toBe(
      'ERR_JWT_ALG_NOT_ALLOWED',
    );
  });
});

describe('RS256 → HS256 key confusion', () => {
  // The attacker MACs a token with the (public) RSA key's bytes as the HMAC secret.
  const forgeries = {
    PEM: signToken('HS256', Buffer.from(rsaPem), { alg: 'HS256' }, body),
    DER: signToken('HS256', rsaDer, { alg: 'HS256' }, body),
    JWK: signToken('HS256', Buffer.from(JSON.stringify(rsaJwk)), { alg: 'HS256' }, body),
  };

  it.each(Object.entries(forgeries))(
    'an RS256 verifier refuses the HS256 forgery made from the %s key',
    async (_form, token) => {
      for (const key of [rsaPem, rsaJwk, keys.rsa.publicKey, { keys: [rsaJwk] }]) {
        const verifier = createVerifier({ algorithms: ['RS256'], key: key as never, clock });
        expect((await rejection(verifier, token)).code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
      }
    },
  );

  it.each([
    ['PEM', rsaPem],
    ['PEM with leading whitespace', `\n  ${rsaPem}`],
    ['DER bytes', rsaDer],
    ['JWK text', JSON.stringify(rsaJwk)],
    ['JWK object', rsaJwk],
    ['KeyObject', keys.rsa.publicKey],
  ])('the public key as %s is never accepted as an HMAC secret', (_form, key) => {
    expect(construction({ algorithms: ['HS256'], key }).code).toBe('ERR_JWT_KEY_INVALID');
    expect(construction({ algorithms: ['RS256', 'HS256'], key }).code).toMatch(
      /KEY_INVALID|ALG_NOT_ALLOWED/,
    );
  });

  it('a JWK Set is never combined with HMAC algorithms', () => {
    const err = construction({ algorithms: ['RS256', 'HS256'], key: { keys: [rsaJwk] } });
    expect(err.code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
  });

  it('a resolver returning the PEM for an HS256 token gets ERR_JWT_KEY_INVALID', async () => {
    const verifier = createVerifier({ algorithms: ['RS256', 'HS256'], key: () => rsaPem, clock });
    expect((await rejection(verifier, forgeries.PEM)).code).toBe('ERR_JWT_KEY_INVALID');
  });
});

describe('ECDSA traps', () => {
  const input = `${b64('{"alg":"ES256"}')}.${b64(JSON.stringify(body))}`;
  const verifier = createVerifier({ algorithms: ['ES256'], key: keys.p256.publicKey, clock });

  it('accepts the raw R‖S control signature', async () => {
    await expect(
      verifier.verify(
        `${input}.${signature('ES256', keys.p256.privateKey, input).toString('base64url')}`,
      ),
    ).resolves.toBeDefined();
  });

  it.each([
    ['r = 0, s = 0', Buffer.alloc(64)],
    ['r = 0, s = 1', Buffer.concat([Buffer.alloc(63), Buffer.from([1])])],
    ['r = 1, s = 0', Buffer.concat([Buffer.alloc(31), Buffer.from([1]), Buffer.alloc(32)])],
    ['all ones', Buffer.alloc(64, 0xff)],
    ['DER encoding of a valid signature', sign('sha256', Buffer.from(input), keys.p256.privateKey)],
    ['63 bytes', signature('ES256', keys.p256.privateKey, input).subarray(1)],
    ['65 bytes', Buffer.concat([Buffer.alloc(1), signature('ES256', keys.p256.privateKey, input)])],
  ])('%s → ERR_JWT_SIGNATURE_INVALID', async (_name, sig) => {
    expect((await rejection(verifier, `${input}.${sig.toString('base64url')}`)).code).toBe(
      'ERR_JWT_SIGNATURE_INVALID',
    );
  });

  it('pins the curve: a P-384 key never serves ES256', async () => {
    expect(construction({ algorithms: ['ES256'], key: keys.p384.publicKey }).code).toBe(
      'ERR_JWT_KEY_INVALID',
    );
    // node:crypto alone would verify this: a P-384 signature over a SHA-256 digest (96 bytes).
    const forged = signToken(
      'ES384',
      keys.p384.privateKey,
      { alg: 'ES256', kid: 'k' },
      body,
    ).replace(
      /\.[^.]+$/,
      `.${sign('sha256', Buffer.from(`${b64('{"alg":"ES256","kid":"k"}')}.${b64(JSON.stringify(body))}`), { key: keys.p384.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`,
    );
    const jwk = { ...keys.p384.publicKey.export({ format: 'jwk' }), kid: 'k' } as Jwk;
    const set = createVerifier({ algorithms: ['ES256', 'ES384'], key: { keys: [jwk] }, clock });
    expect((await rejection(set, forged)).code).toBe('ERR_JWT_KEY_INVALID');
    const resolver = createVerifier({
      algorithms: ['ES256'],
      key: () => keys.p384.publicKey,
      clock,
    });
    expect((await rejection(resolver, forged)).code).toBe('ERR_JWT_KEY_INVALID');
  });

  it('(r, n − s) also verifies: revocation must key on (iss, jti), never on token bytes', async () => {
    const n = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
    const sig = signature('ES256', keys.p256.privateKey, input);
    const s = BigInt(`0x${sig.subarray(32).toString('hex')}`);
    const flipped = Buffer.concat([
      sig.subarray(0, 32),
      Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex'),
    ]);
    const a = await verifier.verify(`${input}.${sig.toString('base64url')}`);
    const b = await verifier.verify(`${input}.${flipped.toString('base64url')}`);
    expect(b.payload).toEqual(a.payload);
  });
});

describe('HMAC traps', () => {
  const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock });
  const token = hs256({ alg: 'HS256' }, body);
  const [h, p, s] = token.split('.') as [string, string, string];
  const mac = Buffer.from(s, 'base64url');

  it.each([
    ['truncated MAC (16 bytes)', mac.subarray(0, 16)],
    ['one byte short', mac.subarray(0, 31)],
    ['one byte long', Buffer.concat([mac, Buffer.alloc(1)])],
    ['empty', Buffer.alloc(0)],
    ['HS512-length MAC', Buffer.concat([mac, mac])],
  ])('%s → ERR_JWT_SIGNATURE_INVALID, not a thrown RangeError', async (_name, sig) => {
    const err = await rejection(verifier, `${h}.${p}.${sig.toString('base64url')}`);
    expect(err.code).toMatch(/SIGNATURE_INVALID|MALFORMED/);
    if (sig.length > 0) expect(err.code).toBe('ERR_JWT_SIGNATURE_INVALID');
  });

  it.each([
    ['an empty secret', ''],
    ['a 31-byte secret', 'x'.repeat(31)],
    ['a 32-byte secret for HS512', 'x'.repeat(32), 'HS512'],
    ['a PEM-looking secret', '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----'],
    ['a JWK-looking secret', JSON.stringify({ kty: 'oct', k: 'x'.repeat(64) })],
  ])('refuses %s at construction', (_name, key, alg = 'HS256') => {
    const err = construction({ algorithms: [alg], key });
    expect(err.code).toBe('ERR_JWT_KEY_INVALID');
    expect(err.message).toContain('"key"');
    expect(err.message).not.toContain('xxxx');
  });
});

describe('RSA traps', () => {
  const input = `${b64('{"alg":"PS256"}')}.${b64(JSON.stringify(body))}`;

  it('PSS with salt length 0 → ERR_JWT_SIGNATURE_INVALID (salt pinned to 32)', async () => {
    const verifier = createVerifier({ algorithms: ['PS256'], key: keys.rsa.publicKey, clock });
    const salt0 = sign('sha256', Buffer.from(input), {
      key: keys.rsa.privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 0,
    });
    expect((await rejection(verifier, `${input}.${salt0.toString('base64url')}`)).code).toBe(
      'ERR_JWT_SIGNATURE_INVALID',
    );
    await expect(
      verifier.verify(
        `${input}.${signature('PS256', keys.rsa.privateKey, input).toString('base64url')}`,
      ),
    ).resolves.toBeDefined();
  });

  it('a PKCS#1 v1.5 signature does not pass as PSS, nor PSS as PKCS#1 v1.5', async () => {
    const verifier = createVerifier({
      algorithms: ['PS256', 'RS256'],
      key: keys.rsa.publicKey,
      clock,
    });
    const rs = signToken('RS256', keys.rsa.privateKey, { alg: 'RS256' }, body);
    const ps = signToken('PS256', keys.rsa.privateKey, { alg: 'PS256' }, body);
    const swap = (a: string, b: string) =>
      `${a.slice(0, a.lastIndexOf('.'))}${b.slice(b.lastIndexOf('.'))}`;
    expect((await rejection(verifier, swap(rs, ps))).code).toBe('ERR_JWT_SIGNATURE_INVALID');
    expect((await rejection(verifier, swap(ps, rs))).code).toBe('ERR_JWT_SIGNATURE_INVALID');
  });

  it('a signature with a prepended zero byte → ERR_JWT_SIGNATURE_INVALID', async () => {
    const verifier = createVerifier({ algorithms: ['RS256'], key: keys.rsa.publicKey, clock });
    const token = signToken('RS256', keys.rsa.privateKey, { alg: 'RS256' }, body);
    const sig = Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');
    const longer = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.concat([Buffer.alloc(1), sig]).toString('base64url')}`;
    expect((await rejection(verifier, longer)).code).toBe('ERR_JWT_SIGNATURE_INVALID');
  });

  it.each([
    ['e = 1', { e: 'AQ' }],
    ['even e', { e: 'AQAA' }],
    [
      '1024-bit modulus',
      {
        n: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' })
          .n,
      },
    ],
    [
      'a leading zero octet in n',
      {
        n: Buffer.concat([Buffer.alloc(1), Buffer.from(rsaJwk.n as string, 'base64url')]).toString(
          'base64url',
        ),
      },
    ],
  ])('refuses an RSA JWK with %s', (_name, change) => {
    expect(construction({ algorithms: ['RS256'], key: { ...rsaJwk, ...change } }).code).toBe(
      'ERR_JWT_KEY_INVALID',
    );
  });

  it('refuses the e = 1 forgery even through a resolver', async () => {
    // With e = 1 the PKCS#1 v1.5 encoded message is its own "signature".
    const weak = { ...rsaJwk, e: 'AQ' };
    const verifier = createVerifier({ algorithms: ['RS256'], key: () => weak, clock });
    const token = signToken('RS256', keys.rsa.privateKey, { alg: 'RS256' }, body);
    expect((await rejection(verifier, token)).code).toBe('ERR_JWT_KEY_INVALID');
  });
});

describe('EdDSA is Ed25519 only', () => {
  it.each([
    ['Ed448', generateKeyPairSync('ed448').publicKey],
    ['X25519', generateKeyPairSync('x25519').publicKey],
  ])('refuses an %s key', (_name, key: KeyObject) => {
    expect(construction({ algorithms: ['EdDSA'], key }).code).toBe('ERR_JWT_KEY_INVALID');
    expect(construction({ algorithms: ['EdDSA'], key: key.export({ format: 'jwk' }) }).code).toBe(
      'ERR_JWT_KEY_INVALID',
    );
  });

  it('an Ed25519 signature of 63 or 65 bytes → ERR_JWT_SIGNATURE_INVALID', async () => {
    const verifier = createVerifier({ algorithms: ['EdDSA'], key: keys.ed25519.publicKey, clock });
    const token = signToken('EdDSA', keys.ed25519.privateKey, { alg: 'EdDSA' }, body);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    const dot = token.lastIndexOf('.');
    const sig = Buffer.from(token.slice(dot + 1), 'base64url');
    for (const bad of [sig.subarray(1), Buffer.concat([sig, Buffer.alloc(1)])]) {
      expect(
        (await rejection(verifier, `${token.slice(0, dot)}.${bad.toString('base64url')}`)).code,
      ).toBe('ERR_JWT_SIGNATURE_INVALID');
    }
  });
});

describe('one key, one family; JWK alg pins the key', () => {
  it('a static key must serve every allowed algorithm', () => {
    expect(construction({ algorithms: ['RS256', 'ES256'], key: keys.rsa.publicKey }).code).toBe(
      'ERR_JWT_KEY_INVALID',
    );
    expect(construction({ algorithms: ['HS256', 'RS256'], key: secret }).code).toBe(
      'ERR_JWT_KEY_INVALID',
    );
    expect(
      construction({ algorithms: ['RS256', 'PS256'], key: { ...rsaJwk, alg: 'RS256' } }).code,
    ).toBe('ERR_JWT_ALG_NOT_ALLOWED');
  });

  it('a JWK pinned to RS256 refuses PS256 tokens (ERR_JWT_ALG_NOT_ALLOWED)', async () => {
    const set = { keys: [{ ...rsaJwk, kid: 'r', alg: 'RS256' }] };
    const verifier = createVerifier({ algorithms: ['RS256', 'PS256'], key: set, clock });
    const ps = signToken('PS256', keys.rsa.privateKey, { alg: 'PS256', kid: 'r' }, body);
    expect((await rejection(verifier, ps)).code).toBe('ERR_JWT_ALG_NOT_ALLOWED');
    const rs = signToken('RS256', keys.rsa.privateKey, { alg: 'RS256', kid: 'r' }, body);
    await expect(verifier.verify(rs)).resolves.toBeDefined();
  });

  it.each([
    [
      'a duplicate kid',
      {
        keys: [
          { ...rsaJwk, kid: 'a' },
          { ...keys.p256.publicKey.export({ format: 'jwk' }), kid: 'a' },
        ],
      },
      'ERR_JWT_CONFIG_INVALID',
    ],
    [
      'an oct key',
      { keys: [{ kty: 'oct', k: secret.toString('base64url') }] },
      'ERR_JWT_KEY_INVALID',
    ],
    ['use: enc', { keys: [{ ...rsaJwk, use: 'enc' }] }, 'ERR_JWT_KEY_INVALID'],
    [
      'key_ops without verify',
      { keys: [{ ...rsaJwk, key_ops: ['encrypt'] }] },
      'ERR_JWT_KEY_INVALID',
    ],
    [
      'repeated key_ops',
      { keys: [{ ...rsaJwk, key_ops: ['verify', 'verify'] }] },
      'ERR_JWT_KEY_INVALID',
    ],
    [
      'private key members',
      { keys: [keys.rsa.privateKey.export({ format: 'jwk' })] },
      'ERR_JWT_KEY_INVALID',
    ],
    ['an unknown alg', { keys: [{ ...rsaJwk, alg: 'RSA-OAEP' }] }, 'ERR_JWT_KEY_INVALID'],
    [
      'an off-curve point',
      {
        keys: [
          {
            ...keys.p256.publicKey.export({ format: 'jwk' }),
            y: keys.p256.publicKey.export({ format: 'jwk' }).x,
          },
        ],
      },
      'ERR_JWT_KEY_INVALID',
    ],
    [
      'no usable key for the algorithms',
      { keys: [keys.p256.publicKey.export({ format: 'jwk' })] },
      'ERR_JWT_KEY_INVALID',
    ],
  ])('a configured JWK Set with %s is refused', (_name, key, expected) => {
    const err = construction({ algorithms: ['RS256'], key });
    expect(err.code).toBe(expected);
    expect(err.message).toContain('"key');
  });

  it('a private key is refused: a verifier needs the public half', () => {
    expect(construction({ algorithms: ['RS256'], key: keys.rsa.privateKey }).code).toBe(
      'ERR_JWT_KEY_INVALID',
    );
    const pem = keys.rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(construction({ algorithms: ['RS256'], key: pem }).code).toBe('ERR_JWT_KEY_INVALID');
  });

  it('accepts a PKCS#1 PEM (X.509 certificates: test/keys/x509-certificate.test.ts)', async () => {
    const token = signToken('RS256', keys.rsa.privateKey, { alg: 'RS256' }, body);
    const pkcs1 = keys.rsa.publicKey.export({ format: 'pem', type: 'pkcs1' }) as string;
    await expect(
      createVerifier({ algorithms: ['RS256'], key: pkcs1, clock }).verify(token),
    ).resolves.toBeDefined();
    const pub = createPublicKey(pkcs1);
    expect(pub.asymmetricKeyType).toBe('rsa');
  });
});

describe('kid lookup and resolvers', () => {
  const ec = keys.p256.publicKey.export({ format: 'jwk' }) as Jwk;
  const set = { keys: [{ ...ec, kid: 'a' }] };
  const verifier = createVerifier({ algorithms: ['ES256'], key: set, clock });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'b', 'A'])(
    'kid %j → ERR_JWT_KEY_NOT_FOUND',
    async (kid) => {
      const token = signToken('ES256', keys.p256.privateKey, { alg: 'ES256', kid }, body);
      expect((await rejection(verifier, token)).code).toBe('ERR_JWT_KEY_NOT_FOUND');
    },
  );

  it('never echoes a kid carrying CR/LF and quotes', async () => {
    const kid = 'x"\r\nSet-Cookie: admin=1\r\n\\';
    const token = signToken('ES256', keys.p256.privateKey, { alg: 'ES256', kid }, body);
    const err = await rejection(verifier, token);
    expect(err.code).toBe('ERR_JWT_KEY_NOT_FOUND');
    const seen = `${err.message} ${JSON.stringify(err.headers)} ${JSON.stringify(err.body)}`;
    expect(seen).not.toContain('Set-Cookie');
    expect(seen).not.toMatch(/[\r\n]/);
  });

  it('a resolver is called only after the allow-list, and cannot widen it', async () => {
    const seen: string[] = [];
    const resolving = createVerifier({
      algorithms: ['ES256'],
      key: (header) => {
        seen.push(header.alg);
        return keys.p256.publicKey;
      },
      clock,
    });
    expect((await rejection(resolving, hs256({ alg: 'HS256' }, body))).code).toBe(
      'ERR_JWT_ALG_NOT_ALLOWED',
    );
    expect(seen).toEqual([]);
    await expect(
      resolving.verify(signToken('ES256', keys.p256.privateKey, { alg: 'ES256' }, body)),
    ).resolves.toBeDefined();
    expect(seen).toEqual(['ES256']);
  });

  it.each([
    ['returns nothing', () => undefined, 'ERR_JWT_KEY_NOT_FOUND'],
    ['returns a weak key', () => 'short', 'ERR_JWT_KEY_INVALID'],
    ['returns garbage', () => 42, 'ERR_JWT_KEY_INVALID'],
    [
      'throws',
      () => {
        throw new Error('db down');
      },
      // The app's function failed: a server error (500), not a key-set outage with Retry-After.
      'ERR_JWT_CONFIG_INVALID',
    ],
    ['rejects', () => Promise.reject(new Error('db down')), 'ERR_JWT_CONFIG_INVALID'],
    [
      'throws ERR_JWKS_UNAVAILABLE itself (a remote service behind it)',
      () => {
        throw new JwtError('ERR_JWKS_UNAVAILABLE', undefined, { retryAfter: 30 });
      },
      'ERR_JWKS_UNAVAILABLE',
    ],
    [
      'throws a JwtError',
      () => {
        throw new JwtError('ERR_JWT_KEY_NOT_FOUND');
      },
      'ERR_JWT_KEY_NOT_FOUND',
    ],
  ])('a resolver that %s → %s', async (_name, resolve, expected) => {
    const resolving = createVerifier({ algorithms: ['HS256'], key: resolve as never, clock });
    expect((await rejection(resolving, hs256({ alg: 'HS256' }, body))).code).toBe(expected);
  });

  it('a static JWK with a kid serves only tokens naming that kid (or none)', async () => {
    const single = createVerifier({ algorithms: ['ES256'], key: { ...ec, kid: 'a' }, clock });
    await expect(
      single.verify(signToken('ES256', keys.p256.privateKey, { alg: 'ES256' }, body)),
    ).resolves.toBeDefined();
    await expect(
      single.verify(signToken('ES256', keys.p256.privateKey, { alg: 'ES256', kid: 'a' }, body)),
    ).resolves.toBeDefined();
    expect(
      (
        await rejection(
          single,
          signToken('ES256', keys.p256.privateKey, { alg: 'ES256', kid: 'b' }, body),
        )
      ).code,
    ).toBe('ERR_JWT_KEY_NOT_FOUND');
  });
});

describe('every algorithm round-trips with its own key (control for the attacks above)', () => {
  it.each([
    'HS256',
    'HS384',
    'HS512',
    'RS256',
    'RS384',
    'RS512',
    'PS256',
    'PS384',
    'PS512',
    'ES256',
    'ES384',
    'ES512',
    'EdDSA',
  ] as Algorithm[])('%s', async (alg) => {
    const { signKey, verifyKey } = pairFor(alg);
    const verifier = createVerifier({ algorithms: [alg], key: verifyKey, clock });
    await expect(verifier.verify(signToken(alg, signKey, { alg }, body))).resolves.toBeDefined();
  });
});
