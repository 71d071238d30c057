import fc from 'fast-check';
import { decodeBase64url, isCanonicalBase64url } from '../../src/lib/base64url.js';

// Reference: the definition itself (alphabet, no padding, re-encoding reproduces the input).
function reference(s: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  const bytes = Buffer.from(s, 'base64url');
  return bytes.toString('base64url') === s ? bytes : undefined;
}

const alphabetish = fc.string({
  unit: fc.constantFrom(...'ABYZabyz0189-_+/= .\n$\u00c6\u0141\u0146'.split('')),
  maxLength: 24,
});
const anyText = fc.string({ unit: 'binary', maxLength: 24 });

describe('strict canonical base64url', () => {
  it('agrees with the definition on arbitrary text (fast path included)', () => {
    fc.assert(
      fc.property(fc.oneof(alphabetish, anyText), (s) => {
        const expected = reference(s);
        expect(decodeBase64url(s)).toEqual(expected);
        expect(isCanonicalBase64url(s)).toBe(expected !== undefined);
      }),
      { numRuns: 5_000 },
    );
  });

  it('decodes what Buffer encodes, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const s = Buffer.from(bytes).toString('base64url');
        expect(decodeBase64url(s)).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it.each([
    ['padding', 'YQ=='],
    ['length mod 4 = 1', 'YWJjZ'],
    ['non-zero spare bits (2 chars)', 'YR'],
    ['non-zero spare bits (3 chars)', 'YWF'],
    ['standard alphabet', 'a+b/'],
    ['whitespace', 'YW Jj'],
    ['low byte of U+0146 is "F"', 'QU\u0146B'],
  ])('refuses %s', (_name, s) => {
    expect(decodeBase64url(s)).toBeUndefined();
    expect(isCanonicalBase64url(s)).toBe(false);
  });

  it('accepts the empty string as zero bytes', () => {
    expect(decodeBase64url('')).toEqual(Buffer.alloc(0));
  });
});
