import fc from 'fast-check';
import { encodeComponent } from '../../src/lib/key-codec.js';
import { componentKey, componentKeyFromEncoded } from '../../src/lib/mirror-key.js';

const junk = Array.from({ length: 10_240 }, (_, i) => String.fromCharCode(i % 0x7f)).join('');

describe('mirror keys', () => {
  it('gives the same key from a raw value and from its Redis encoding (property)', () => {
    const utf16 = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 })
      .map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(
        utf16,
        (raw) => componentKeyFromEncoded(encodeComponent(raw)) === componentKey(raw),
      ),
      { numRuns: 5000 },
    );
    for (const raw of ['', 'a', '\uD800', '\uFFFD', 'é'.repeat(48), 'é'.repeat(49), junk]) {
      expect(componentKeyFromEncoded(encodeComponent(raw))).toBe(componentKey(raw));
    }
  });

  it('keeps raw keys (no encoding cost) for ordinary values, and apart from encoded ones', () => {
    expect(componentKey('6f1c2a34-8d7e-4b1a-9c3e-2f5d6a7b8c9d')).toBe(
      '6f1c2a34-8d7e-4b1a-9c3e-2f5d6a7b8c9d',
    );
    expect(componentKey('x'.repeat(97))).toMatch(/^\uD800h/);
    expect(componentKey('\uD800')).toMatch(/^\uD800w/);
    // A raw value that looks like an encoded key is still a different key.
    const encoded = componentKey('x'.repeat(97));
    expect(componentKey(encoded.slice(1))).not.toBe(encoded);
  });

  it('maps distinct values to distinct keys (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 120 });
    fc.assert(
      fc.property(text, text, (a, b) => (a === b) === (componentKey(a) === componentKey(b))),
      {
        numRuns: 3000,
      },
    );
  });

  it('ignores a literal component that no store writes (bytes that are not UTF-8)', () => {
    expect(
      componentKeyFromEncoded(`u${Buffer.from([0xff, 0xfe]).toString('base64url')}`),
    ).toBeUndefined();
  });
});
