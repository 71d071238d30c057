import {
  createSigner,
  createVerifier,
  generateKeyPair,
  generateSecret,
  JwtError,
  type KeyResolver,
} from '../../src/index.js';
import { rejection } from '../helpers/jwt-errors';

const T0 = 1_700_000_000;
const time = { now: T0 * 1000 };
const clock = () => time.now;
beforeEach(() => (time.now = T0 * 1000));

const secret = generateSecret('HS256');
const signer = createSigner({ algorithm: 'HS256', key: secret, clock });

// The resolver runs once per full verification: a cache hit skips it.
function counted(cache: true | { max?: number }) {
  const calls = { n: 0 };
  const key: KeyResolver = () => {
    calls.n++;
    return secret;
  };
  const verifier = createVerifier({ algorithms: ['HS256'], key, clock, cache });
  return { verifier, calls };
}

describe('verifier with cache', () => {
  it('serves a repeated token from the cache', async () => {
    const { verifier, calls } = counted(true);
    const token = await signer.sign({ sub: 'alice' });
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(calls.n).toBe(1);
    expect(second.payload).toEqual(first.payload);
  });

  it('hands out deep-frozen claims, so one caller cannot change what the next one sees', async () => {
    const { verifier, calls } = counted(true);
    const token = await signer.sign({ sub: 'alice', roles: ['user'], org: { id: 7 } });
    type Claims = { sub: string; roles: string[]; org: { id: number } };
    const first = await verifier.verify<Claims>(token);
    // Test files are modules, so strict mode: writing to a frozen object throws.
    expect(() => {
      first.payload.sub = 'admin';
    }).toThrow(TypeError);
    expect(() => first.payload.roles.push('admin')).toThrow(TypeError);
    expect(() => {
      first.payload.org.id = 1;
    }).toThrow(TypeError);
    const second = await verifier.verify<Claims>(token);
    expect(calls.n).toBe(1); // the second one was a hit
    expect(second.payload).toMatchObject({ sub: 'alice', roles: ['user'], org: { id: 7 } });
    // The first caller (a miss) gets the same frozen claims as the later ones (hits).
    expect(second.payload).toBe(first.payload);
    for (const { payload } of [first, second]) {
      expect(Object.getPrototypeOf(payload)).toBeNull();
      expect(Object.getPrototypeOf(payload.org)).toBeNull();
      expect(Array.isArray(payload.roles)).toBe(true);
      expect([payload, payload.roles, payload.org].every((v) => Object.isFrozen(v))).toBe(true);
    }
    // The result object around them is the caller's own.
    expect(second).not.toBe(first);
  });

  it('without the cache, gives every call its own claims, not frozen', async () => {
    const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock, cache: false });
    const token = await signer.sign({ sub: 'alice', roles: ['user'] });
    const first = await verifier.verify<{ sub: string; roles: string[] }>(token);
    expect(Object.isFrozen(first.payload)).toBe(false);
    first.payload.roles.push('admin');
    const second = await verifier.verify<{ sub: string; roles: string[] }>(token);
    expect(second.payload.roles).toEqual(['user']);
    expect(Object.getPrototypeOf(second.payload)).toBeNull();
  });

  it('serves a hit only inside the nbf/iat window: a clock set back verifies afresh and refuses', async () => {
    const { verifier, calls } = counted(true);
    const token = await signer.sign({ sub: 'alice', nbf: T0 + 10 }, { expiresIn: 3600 });
    time.now = (T0 + 10) * 1000;
    await verifier.verify(token);
    await verifier.verify(token);
    expect(calls.n).toBe(1);
    time.now = (T0 + 9.5) * 1000; // the clock went back: not a hit, and refused as a fresh token is
    expect((await rejection(verifier.verify(token))).code).toBe('ERR_JWT_NOT_YET_VALID');
    expect(calls.n).toBe(2);
    time.now = (T0 + 10) * 1000; // the entry is still there
    await verifier.verify(token);
    expect(calls.n).toBe(2);
  });

  it('applies clockTolerance to the window as verification does', async () => {
    const key: KeyResolver = () => secret;
    const verifier = createVerifier({
      algorithms: ['HS256'],
      key,
      clock,
      cache: true,
      clockTolerance: 5,
    });
    const token = await signer.sign({ sub: 'alice', iat: T0 + 20 }, { expiresIn: 3600 });
    time.now = (T0 + 15) * 1000; // iat within the tolerance
    await verifier.verify(token);
    time.now = (T0 + 14) * 1000;
    expect((await rejection(verifier.verify(token))).code).toBe('ERR_JWT_CLAIM_INVALID');
  });

  it('never serves an entry at or past exp', async () => {
    const { verifier, calls } = counted(true);
    const token = await signer.sign({ sub: 'alice' }, { expiresIn: 30 });
    await verifier.verify(token);
    time.now = (T0 + 29.999) * 1000;
    await verifier.verify(token);
    expect(calls.n).toBe(1);
    time.now = (T0 + 30) * 1000;
    expect((await rejection(verifier.verify(token))).code).toBe('ERR_JWT_EXPIRED');
  });

  it('is keyed on the exact string: a tampered copy of a cached token is verified and refused', async () => {
    const { verifier, calls } = counted(true);
    const token = await signer.sign({ sub: 'alice' });
    await verifier.verify(token);
    const [h, p, s] = token.split('.') as [string, string, string];
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
    expect((await rejection(verifier.verify(`${h}.${p}.${flipped}`))).code).toBe(
      'ERR_JWT_SIGNATURE_INVALID',
    );
    expect((await rejection(verifier.verify(`${h}.${p}.${s}=`))).code).toBe('ERR_JWT_MALFORMED');
    expect((await rejection(verifier.verify(` ${token}`))).code).toBe('ERR_JWT_MALFORMED');
    await verifier.verify(token);
    expect(calls.n).toBe(2); // the tampered signature ran through the key; the original hit
  });

  it('does not share an entry between the two valid ECDSA forms of one token', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const es = createSigner({ algorithm: 'ES256', key: privateKey, clock });
    const token = await es.sign({ sub: 'alice' });
    const [h, p, s] = token.split('.') as [string, string, string];
    // (r, n − s) also verifies with node:crypto; it is a different string, so a different entry.
    const n = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
    const raw = Buffer.from(s, 'base64url');
    const sValue = BigInt(`0x${raw.subarray(32).toString('hex')}`);
    const twin = Buffer.concat([
      raw.subarray(0, 32),
      Buffer.from((n - sValue).toString(16).padStart(64, '0'), 'hex'),
    ]);
    const calls = { n: 0 };
    const verifier = createVerifier({
      algorithms: ['ES256'],
      key: () => (calls.n++, publicKey),
      clock,
      cache: true,
    });
    await verifier.verify(token);
    await verifier.verify(`${h}.${p}.${twin.toString('base64url')}`).catch(() => undefined);
    expect(calls.n).toBe(2);
  });

  it('is bounded by max, evicting the least recently used token', async () => {
    const { verifier, calls } = counted({ max: 2 });
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => signer.sign({ sub: `u${i}` })));
    await verifier.verify(a!);
    await verifier.verify(b!);
    await verifier.verify(a!); // hit; a is now the most recent
    await verifier.verify(c!); // evicts b
    expect(calls.n).toBe(3);
    await verifier.verify(a!);
    expect(calls.n).toBe(3);
    await verifier.verify(b!);
    expect(calls.n).toBe(4);
  });

  it.each([
    [{ max: 0 }, 'cache.max'],
    [{ max: 2.5 }, 'cache.max'],
    ['yes', 'cache'],
  ])('refuses cache %j naming %s', (cache, option) => {
    let thrown: unknown;
    try {
      createVerifier({ algorithms: ['HS256'], key: secret, cache: cache as never });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(JwtError);
    expect((thrown as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    expect((thrown as JwtError).message).toContain(`"${option}"`);
  });
});
