import { createTokenCache } from '../../src/cache/token-cache.js';
import { JwtError, type VerifyResult } from '../../src/index.js';

function result(n: number): VerifyResult {
  const payload = Object.assign(Object.create(null) as Record<string, unknown>, {
    sub: `u${n}`,
    roles: ['user'],
    nested: { a: [1, { b: 2 }] },
  });
  return { header: { alg: 'HS256', typ: 'JWT' }, payload };
}

function configCode(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return [(err as JwtError).code, (err as JwtError).message];
  }
  throw new Error('did not throw');
}

describe('createTokenCache', () => {
  it('returns the stored result for the exact token string only', () => {
    const cache = createTokenCache(true);
    const r = result(1);
    cache.set('a.b.c', r, 100);
    expect(cache.get('a.b.c', 50)).toBe(r);
    expect(cache.get('a.b.c ', 50)).toBeUndefined();
    expect(cache.get('A.b.c', 50)).toBeUndefined();
    expect(cache.get('a.b.c=', 50)).toBeUndefined();
  });

  it('serves an entry only for its exact token, also when two tokens end alike', () => {
    const cache = createTokenCache(true);
    const tail = '.' + 'S'.repeat(60); // entries are looked up by the last characters
    cache.set(`a${tail}`, result(1), 1e12);
    expect(cache.get(`b${tail}`, 1)).toBeUndefined();
    expect((cache.get(`a${tail}`, 1)?.payload as { sub: string }).sub).toBe('u1');
    cache.set(`b${tail}`, result(2), 1e12); // takes the place of the first one
    expect(cache.get(`a${tail}`, 1)).toBeUndefined();
    expect((cache.get(`b${tail}`, 1)?.payload as { sub: string }).sub).toBe('u2');
    expect(cache.size).toBe(1);
  });

  it('never returns an entry at or past validUntil, and removes it', () => {
    const cache = createTokenCache(true);
    cache.set('t', result(1), 100);
    expect(cache.get('t', 99.999)).toBeDefined();
    expect(cache.get('t', 100)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.get('t', 50)).toBeUndefined(); // gone, even if the clock goes back
  });

  it('treats a NaN time as expired (fails towards re-verification)', () => {
    const cache = createTokenCache(true);
    cache.set('t', result(1), 100);
    expect(cache.get('t', Number.NaN)).toBeUndefined();
  });

  it('is bounded: defaults to 1,000 entries and evicts the least recently used', () => {
    const cache = createTokenCache(true);
    expect(cache.max).toBe(1000);
    for (let i = 0; i < 1500; i++) cache.set(`t${i}`, result(i), 1e12);
    expect(cache.size).toBe(1000);
    expect(cache.get('t0', 1)).toBeUndefined();
    expect(cache.get('t499', 1)).toBeUndefined();
    expect(cache.get('t500', 1)).toBeDefined();

    const small = createTokenCache({ max: 3 });
    small.set('a', result(1), 1e12);
    small.set('b', result(2), 1e12);
    small.set('c', result(3), 1e12);
    expect(small.get('a', 1)).toBeDefined(); // a is now the most recent
    small.set('d', result(4), 1e12); // evicts b
    expect(small.get('b', 1)).toBeUndefined();
    expect(['a', 'c', 'd'].every((t) => small.get(t, 1) !== undefined)).toBe(true);
    expect(small.size).toBe(3);
  });

  it('replaces an entry for the same token without growing', () => {
    const cache = createTokenCache({ max: 2 });
    cache.set('a', result(1), 10);
    cache.set('a', result(2), 20);
    expect(cache.size).toBe(1);
    expect((cache.get('a', 15)?.payload as { sub: string }).sub).toBe('u2');
  });

  it('moves a used entry from the older half to the newest place', () => {
    const cache = createTokenCache({ max: 4 }); // half = 2
    for (const t of ['a', 'b', 'c', 'd']) cache.set(t, result(1), 1e12);
    expect(cache.get('a', 1)).toBeDefined(); // 3 insertions old: becomes the newest
    cache.set('e', result(5), 1e12); // evicts b, the oldest now
    cache.set('f', result(6), 1e12); // evicts c
    cache.set('g', result(7), 1e12); // evicts d
    expect(['b', 'c', 'd'].map((t) => cache.get(t, 1))).toEqual([undefined, undefined, undefined]);
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.size).toBe(4);
  });

  it('leaves a used entry of the newer half in place: it outlives max / 2 insertions', () => {
    const cache = createTokenCache({ max: 4 }); // half = 2
    for (const t of ['w', 'x', 'y', 'z']) cache.set(t, result(1), 1e12);
    expect(cache.get('y', 1)).toBeDefined(); // 1 insertion old: not moved
    cache.set('q', result(5), 1e12); // evicts w
    cache.set('r', result(6), 1e12); // evicts x
    expect(cache.get('w', 1)).toBeUndefined();
    expect(cache.get('x', 1)).toBeUndefined();
    cache.set('s', result(7), 1e12); // evicts y, 3 insertions after its use
    expect(cache.get('y', 1)).toBeUndefined();
    expect(cache.size).toBe(4);
  });

  it('keeps what it is given, unchanged (the verifier gives it frozen claims)', () => {
    const cache = createTokenCache(true);
    const r = result(1);
    cache.set('t', r, 100);
    expect(cache.get('t', 1)).toBe(r);
    expect(Object.isFrozen(r.payload)).toBe(false);
  });

  it('serves an entry from notBefore on, compared with now + leeway, and keeps it before', () => {
    const cache = createTokenCache(true);
    cache.set('t', result(1), 100, 50);
    expect(cache.get('t', 49.5)).toBeUndefined();
    expect(cache.get('t', 49.5, 0.5)).toBeDefined();
    expect(cache.get('t', 50)).toBeDefined();
    expect(cache.get('t', 10)).toBeUndefined();
    expect(cache.size).toBe(1); // not removed: the clock may come back to it
    expect(cache.get('t', 60, Number.NaN)).toBeUndefined();
  });

  it.each([
    [{ max: 0 }, 'cache.max'],
    [{ max: -1 }, 'cache.max'],
    [{ max: 1.5 }, 'cache.max'],
    [{ max: '10' }, 'cache.max'],
    [{ max: Infinity }, 'cache.max'],
    [false, 'cache'],
    [null, 'cache'],
    [[], 'cache'],
    [10, 'cache'],
  ])('refuses %j naming %s', (option, name) => {
    const [code, message] = configCode(() => createTokenCache(option as never));
    expect(code).toBe('ERR_JWT_CONFIG_INVALID');
    expect(message).toContain(`"${name}"`);
  });
});
