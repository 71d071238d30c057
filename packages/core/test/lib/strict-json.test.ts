import fc from 'fast-check';
import { JwtError } from '../../src/index.js';
import { decodeJsonBytes } from '../../src/lib/decode-json-segment.js';
import { MAX_JSON_DEPTH, parseStrictJson } from '../../src/lib/strict-json.js';

const refuses = (text: string) => {
  expect(() => parseStrictJson(text)).toThrow(JwtError);
};

describe('strict JSON reader', () => {
  it('reads every JSON text without duplicate or "__proto__" names exactly like JSON.parse', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small', maxDepth: 6 }), (text) => {
        const expected = JSON.parse(text);
        let duplicate = false;
        JSON.parse(text, (key: string, value: unknown) => {
          if (key === '__proto__' || key === 'constructor') duplicate = true;
          return value;
        });
        // fc.json never repeats a name in one object; skip the rare special names.
        fc.pre(!duplicate);
        expect(parseStrictJson(text)).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps whitespace rules and escapes of RFC 8259', () => {
    expect(
      parseStrictJson(
        ' \t\r\n{ "a" : [ 1 , -0.5e+2 , true , false , null , "\\u00e9\\n\\"\\/" ] } ',
      ),
    ).toEqual({
      a: [1, -50, true, false, null, 'é\n"/'],
    });
    expect(parseStrictJson('"\\ud83d\\ude00"')).toBe('😀');
  });

  it('returns null-prototype objects at every depth', () => {
    const value = parseStrictJson('{"a":{"b":[{"c":1}]}}') as { a: { b: object[] } };
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.getPrototypeOf(value.a)).toBeNull();
    expect(Object.getPrototypeOf(value.a.b[0])).toBeNull();
    expect(parseStrictJson('{"toString":1,"hasOwnProperty":2}')).toEqual({
      toString: 1,
      hasOwnProperty: 2,
    });
  });

  it.each([
    ['duplicate name', '{"a":1,"a":2}'],
    ['duplicate after escapes', '{"a":1,"\\u0061":2}'],
    ['duplicate nested', '{"x":{"a":1,"a":1}}'],
    ['__proto__', '{"__proto__":{}}'],
    ['escaped __proto__', '{"\\u005f\\u005fproto__":1}'],
    ['constructor.prototype', '{"constructor":{"prototype":{}}}'],
    ['lone high surrogate', '"\\ud800"'],
    ['lone high surrogate then text', '"\\ud800abc"'],
    ['high surrogate then non-low escape', '"\\ud800\\u0041"'],
    ['lone low surrogate', '"\\udfff"'],
    ['raw lone surrogate', '"\ud800"'],
    ['1e400', '1e400'],
    ['-1e400', '[-1e400]'],
    ['trailing content', '{} {}'],
    ['trailing comma in array', '[1,]'],
    ['trailing comma in object', '{"a":1,}'],
    ['leading zero', '01'],
    ['bare minus', '-'],
    ['dot without digits', '1.'],
    ['plus sign', '+1'],
    ['hex escape too short', '"\\u12"'],
    ['unknown escape', '"\\x41"'],
    ['raw newline in a string', '"a\nb"'],
    ['unterminated string', '"abc'],
    ['single quotes', "'a'"],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['BOM', '\ufeff{}'],
    ['empty text', ''],
    ['comment', '{} // x'],
    ['non-string name', '{1:2}'],
    ['too deep', `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`],
  ])('refuses %s', (_name, text) => refuses(text));

  it('remembers claim names between texts without ever changing a result', () => {
    // The reader reuses the names of the previous top-level object; these sequences probe it.
    const sequence: Array<[string, unknown]> = [
      ['{"a":1,"ab":2}', { a: 1, ab: 2 }],
      ['{"ab":1,"a":2}', { ab: 1, a: 2 }],
      ['{"a":1}', { a: 1 }],
      ['{"\\u0061":1}', { a: 1 }],
      ['{"a":1,"\\u0061":2}', null],
      ['{"\\u0061":1,"a":2}', null],
      ['{"a":1,"a":2}', null],
      ['{"a\\"":1,"a":2}', { 'a"': 1, a: 2 }],
      ['{"a":{"a":1,"a":2}}', null],
      ['{"__proto__":1}', null],
      ['{"a":1}', { a: 1 }],
    ];
    for (const [text, expected] of sequence) {
      if (expected === null) refuses(text);
      else expect(parseStrictJson(text)).toEqual(expected);
    }
  });

  it('accepts nesting up to the limit', () => {
    expect(() =>
      parseStrictJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`),
    ).not.toThrow();
  });
});

describe('segment bytes: fatal UTF-8, BOM kept', () => {
  it.each([
    ['invalid byte', [0x7b, 0xff, 0x7d]],
    ['overlong', [0x22, 0xc0, 0xaf, 0x22]],
    ['encoded surrogate', [0x22, 0xed, 0xa0, 0x80, 0x22]],
    ['BOM', [0xef, 0xbb, 0xbf, 0x7b, 0x7d]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeJsonBytes(Uint8Array.from(bytes))).toThrow(JwtError);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[]', '1', '"a"', 'null']) {
      expect(() => decodeJsonBytes(Buffer.from(text))).toThrow(JwtError);
    }
  });
});
