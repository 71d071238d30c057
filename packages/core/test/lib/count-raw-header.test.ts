import { countRawHeader } from '../../src/lib/count-raw-header.js';

describe('countRawHeader', () => {
  it('counts a header name in any letter case, names only (not values)', () => {
    const raw = ['Host', 'a', 'DPoP', 'x', 'dpop', 'y', 'X-DPoP', 'z', 'Accept', 'DPOP'];
    expect(countRawHeader(raw, 'dpop')).toBe(2);
    expect(countRawHeader(raw, 'host')).toBe(1);
    expect(countRawHeader(raw, 'authorization')).toBe(0);
    expect(countRawHeader(undefined, 'dpop')).toBe(0);
  });

  it('folds ASCII letters only (RFC 9110 header names are ASCII tokens)', () => {
    // U+212A KELVIN SIGN lower-cases to "k" with String#toLowerCase: it is not the letter K.
    expect(countRawHeader(['\u212Aey', '1', 'KEY', '2'], 'key')).toBe(1);
    expect(countRawHeader(['D\u0130Po', '1'], 'dipo')).toBe(0);
    // Characters next to the letter range are not letters.
    expect(countRawHeader(['@[`{', '1'], '@[`{')).toBe(1);
    expect(countRawHeader(['@[', '1'], '`{')).toBe(0);
  });
});
