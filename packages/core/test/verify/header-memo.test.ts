import { createVerifier } from '../../src/index.js';
import { claims, clock, hs256, secret } from './token-helpers.js';

// Headers are memoised per header segment and handed to every caller of every token that shares
// the segment, with or without the verified-token cache.
describe('memoised headers', () => {
  it.each([false, true])(
    'are frozen all the way down (cache: %s): one caller cannot change what the next sees',
    async (cache) => {
      const verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock, cache });
      const header = { alg: 'HS256', kid: 'k', ext: { a: 1, list: [1] } };
      const first = await verifier.verify(hs256(header, claims({ sub: 'one' })));
      const ext = first.header.ext as { a: number; list: number[] };
      // Test files are modules, so strict mode: writing to a frozen object throws.
      expect(() => {
        ext.a = 2;
      }).toThrow(TypeError);
      expect(() => ext.list.push(2)).toThrow(TypeError);
      const second = await verifier.verify(hs256(header, claims({ sub: 'two' })));
      expect(second.header).toBe(first.header);
      expect(second.header.ext).toEqual({ a: 1, list: [1] });
      expect(Object.isFrozen(second.header)).toBe(true);
    },
  );
});
