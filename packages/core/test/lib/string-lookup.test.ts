import fc from 'fast-check';
import { createStringLookup } from '../../src/lib/string-lookup.js';

// Keys shaped like issuers: shared prefixes and suffixes, differing in a few characters.
const issuerLike = fc
  .tuple(
    fc.constantFrom('https://', 'http://', ''),
    fc.string({ unit: fc.constantFrom(...'ab-01.'.split('')), maxLength: 12 }),
    fc.constantFrom('.example.com/', '/v2.0', '/realms/x', ''),
  )
  .map(([a, b, c]) => a + b + c);
const anyKey = fc.oneof(issuerLike, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary' }));

describe('createStringLookup: an exact-match map over fixed string keys', () => {
  it('answers exactly what a Map answers, for its keys and for near misses', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyKey, { maxLength: 60 }), fc.array(anyKey), (keys, probes) => {
        const map = new Map(keys.map((key, i) => [key, i]));
        const lookup = createStringLookup(map);
        for (const key of keys) expect(lookup(key)).toBe(map.get(key));
        const nearMisses = keys.flatMap((key) => [
          `${key}/`,
          key.slice(1),
          key.slice(0, -1),
          key.length > 0 ? `${key.slice(0, -1)}${key.at(-1) === 'a' ? 'b' : 'a'}` : 'a',
          key.toUpperCase(),
        ]);
        for (const probe of [...probes, ...nearMisses]) expect(lookup(probe)).toBe(map.get(probe));
      }),
      { numRuns: 300 },
    );
  });

  it('tells 1,000 tenant issuers apart and finds each one', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `https://login.example.com/${i}/v2.0`);
    const lookup = createStringLookup(new Map(keys.map((key, i) => [key, i])));
    keys.forEach((key, i) => expect(lookup(key)).toBe(i));
    expect(lookup('https://login.example.com/1000/v2.0')).toBeUndefined();
    expect(lookup('https://login.example.com/01/v2.0')).toBeUndefined();
  });

  it('finds nothing in an empty set', () => {
    expect(createStringLookup(new Map<string, number>())('')).toBeUndefined();
  });
});
