import fc from 'fast-check';
import {
  decodeBase64url,
  decodeShortBase64urlInto,
  isCanonicalBase64url,
} from '../../src/lib/base64url.js';

// The JavaScript decoder, allocating its own buffer: the bytes, or undefined for -1.
function decodeShortBase64url(s: string): Buffer | undefined {
  const out = Buffer.alloc((s.length * 3) >>> 2);
  const n = decodeShortBase64urlInto(s, out);
  return n === -1 ? undefined : out.subarray(0, n);
}

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

  it('decodes in plain JavaScript exactly as the Buffer-based decoder does', () => {
    fc.assert(
      fc.property(fc.oneof(alphabetish, anyText), (s) => {
        expect(decodeShortBase64url(s)).toEqual(decodeBase64url(s));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (bytes, n) => {
        const s = Buffer.from(bytes).toString('base64url');
        expect(decodeShortBase64url(s)).toEqual(Buffer.from(bytes));
        if (s.length === 0) return;
        // One character outside the alphabet anywhere.
        const at = n % s.length;
        expect(decodeShortBase64url(`${s.slice(0, at)}*${s.slice(at + 1)}`)).toBeUndefined();
      }),
    );
  });

  it('decodes into a given buffer as the allocating decoder does, and refuses a short buffer', () => {
    const out = Buffer.alloc(600);
    fc.assert(
      fc.property(fc.oneof(alphabetish, anyText), (s) => {
        const n = decodeShortBase64urlInto(s, out);
        const expected = decodeBase64url(s);
        if (expected === undefined) expect(n).toBe(-1);
        else expect(out.subarray(0, n)).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
    expect(decodeShortBase64urlInto('QUJD', Buffer.alloc(3))).toBe(3);
    expect(decodeShortBase64urlInto('QUJD', Buffer.alloc(2))).toBe(-1);
    // Longer than the reused source buffer's first size: it grows (or a one-off one is used).
    const long = Buffer.from('x'.repeat(30_000)).toString('base64url');
    const big = Buffer.alloc(30_000);
    expect(decodeShortBase64urlInto(long, big)).toBe(30_000);
    expect(big.toString()).toBe('x'.repeat(30_000));
  });

  it('refuses a non-ASCII character without any pre-check', () => {
    // U+0141 and U+00C1 have the low 7 bits of "A": a table indexed by the code's low bits alone
    // would read them as "A".
    expect(decodeShortBase64url('QUJD')).toEqual(Buffer.from('ABC'));
    expect(decodeShortBase64url('QUJ\u0141')).toBeUndefined();
    expect(decodeShortBase64url('\u00c1UJD')).toBeUndefined();
    // A character whose UTF-8 form is longer than one byte, at the very end.
    expect(decodeShortBase64urlInto('QUJ\u0141', Buffer.alloc(8))).toBe(-1);
    expect(decodeShortBase64urlInto('QU\u{1F600}', Buffer.alloc(8))).toBe(-1);
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
