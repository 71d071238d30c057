import { createSigner, decodeUnverified, generateSecret, JwtError } from '../../src/index.js';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');
const HEADER = b64('{"alg":"HS256","typ":"JWT"}');
const PAYLOAD = b64('{"sub":"alice","exp":1700000900}');
const SIG = b64('signature-bytes');

function code(token: unknown): string {
  try {
    decodeUnverified(token as string);
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return (err as JwtError).code;
  }
  return 'decoded';
}

describe('decodeUnverified', () => {
  it('returns the header and payload our signer wrote', async () => {
    const signer = createSigner({
      algorithm: 'HS256',
      key: generateSecret('HS256'),
      kid: 'k1',
      issuer: 'i',
      clock: () => 1_700_000_000_000,
    });
    const { header, payload } = decodeUnverified(
      await signer.sign({ sub: 'alice', n: [1, { a: null }] }),
    );
    expect({ ...header }).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
    expect(payload).toMatchObject({
      iss: 'i',
      sub: 'alice',
      iat: 1_700_000_000,
      exp: 1_700_000_900,
    });
    expect(Object.getPrototypeOf(header)).toBeNull();
    expect(Object.getPrototypeOf(payload)).toBeNull();
  });

  it('does not verify anything: a forged signature decodes just the same', () => {
    const { payload } = decodeUnverified(`${HEADER}.${PAYLOAD}.${SIG}`);
    expect(payload.sub).toBe('alice');
    expect(decodeUnverified(`${b64('{"alg":"none"}')}.${PAYLOAD}.`).header.alg).toBe('none');
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['an empty string', ''],
    ['two segments', `${HEADER}.${PAYLOAD}`],
    ['four segments', `${HEADER}.${PAYLOAD}.${SIG}.x`],
    ['a JWE (five segments)', `${HEADER}.a.b.c.d`],
    ['an empty header', `.${PAYLOAD}.${SIG}`],
    ['an empty payload', `${HEADER}..${SIG}`],
    ['padding', `${HEADER}=.${PAYLOAD}.${SIG}`],
    ['base64 alphabet', `${HEADER}.${PAYLOAD}.${SIG.replace(/-|_/g, '+')}+/`],
    ['whitespace', `${HEADER} .${PAYLOAD}.${SIG}`],
    ['non-canonical trailing bits', `${HEADER}.${PAYLOAD}.${b64('ab').slice(0, 2)}x`],
    ['a non-JSON header', `${b64('alg=HS256')}.${PAYLOAD}.${SIG}`],
    ['an array payload', `${HEADER}.${b64('[1,2]')}.${SIG}`],
    ['a string payload', `${HEADER}.${b64('"eyJ"')}.${SIG}`],
    ['a nested JWT payload', `${HEADER}.${b64(`${HEADER}.${PAYLOAD}.${SIG}`)}.${SIG}`],
    ['duplicate members', `${HEADER}.${b64('{"sub":"a","sub":"admin"}')}.${SIG}`],
    ['escaped duplicate members', `${HEADER}.${b64('{"sub":"a","\\u0073ub":"admin"}')}.${SIG}`],
    ['a __proto__ member', `${HEADER}.${b64('{"__proto__":{"admin":true}}')}.${SIG}`],
    ['a lone surrogate', `${HEADER}.${b64('{"sub":"\\ud800"}')}.${SIG}`],
    [
      'invalid UTF-8',
      `${HEADER}.${b64(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))}.${SIG}`,
    ],
    ['a UTF-8 BOM', `${b64('\uFEFF{"alg":"HS256"}')}.${PAYLOAD}.${SIG}`],
    ['a huge number', `${HEADER}.${b64('{"exp":1e400}')}.${SIG}`],
    ['trailing content', `${HEADER}.${b64('{"a":1} x')}.${SIG}`],
  ])('refuses %s with ERR_JWT_MALFORMED', (_name, token) => {
    expect(code(token)).toBe('ERR_JWT_MALFORMED');
  });

  it('refuses deep nesting', () => {
    expect(code(`${HEADER}.${b64('{"a":'.repeat(40) + '1' + '}'.repeat(40))}.${SIG}`)).toBe(
      'ERR_JWT_MALFORMED',
    );
  });

  it('refuses more than 8,192 characters with ERR_JWT_TOO_LARGE before decoding', () => {
    const big = `${HEADER}.${b64(JSON.stringify({ pad: 'x'.repeat(7000) }))}.${SIG}`;
    expect(big.length).toBeGreaterThan(8192);
    expect(code(big)).toBe('ERR_JWT_TOO_LARGE');
    expect(code('!'.repeat(8193))).toBe('ERR_JWT_TOO_LARGE');
  });

  it('leaves Object.prototype untouched after hostile input', () => {
    code(`${HEADER}.${b64('{"__proto__":{"polluted":true}}')}.${SIG}`);
    code(`${HEADER}.${b64('{"constructor":{"prototype":{"polluted":true}}}')}.${SIG}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
