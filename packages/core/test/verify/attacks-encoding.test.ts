import { createHmac, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerifier, type Verifier } from '../../src/index.js';
import { rejection } from './vector-helpers.js';
import {
  b64,
  claims,
  clock,
  hs256,
  keys,
  NOW,
  prototypeKeys,
  secret,
  signToken,
} from './token-helpers.js';

// One attack per policy of DESIGN.md §5 / STANDARDS.md §1.10–1.11 on decoding and header
// handling. Every malicious input must be rejected with the expected JwtError code, and leave
// Object.prototype untouched.
const verifier: Verifier = createVerifier({ algorithms: ['HS256'], key: secret, clock });
const PROTOTYPE = prototypeKeys();
const HEADER = { alg: 'HS256', typ: 'JWT' };
const code = async (token: unknown) => (await rejection(verifier, token)).code;

afterEach(() => {
  expect(prototypeKeys()).toEqual(PROTOTYPE);
  expect(({} as Record<string, unknown>).admin).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

it('accepts the well-formed control token (so every rejection below is meaningful)', async () => {
  const { payload } = await verifier.verify(hs256(HEADER, claims({ admin: false })));
  expect(payload.admin).toBe(false);
  expect(Object.getPrototypeOf(payload)).toBeNull();
});

describe('segments and base64url (canonical only)', () => {
  const good = hs256(HEADER, claims());
  const [h, p, s] = good.split('.') as [string, string, string];

  it.each([
    ['two segments', `${h}.${p}`],
    ['four segments', `${good}.`],
    ['five segments (JWE compact)', `${h}.${p}.${s}.${s}.${s}`],
    ['empty header', `.${p}.${s}`],
    ['empty payload', `${h}..${s}`],
    ['empty string', ''],
    ['padding', `${h}.${p}.${s}=`],
    ['padding in the payload', `${h}.${p}==.${s}`],
    ['standard alphabet +', `${h}.${p}.${s.slice(0, -2)}+${s.slice(-1)}`],
    ['standard alphabet /', `${h}.${p}.${s.slice(0, -2)}/${s.slice(-1)}`],
    ['a space', `${h}.${p}.${s.slice(0, 10)} ${s.slice(10)}`],
    ['a newline', `${h}.${p}.${s.slice(0, 10)}\n${s.slice(10)}`],
    ['a $ inside', `${h}.${p.slice(0, 4)}$${p.slice(4)}.${s}`],
    ['length mod 4 = 1', `${h}.${p}.${s}AA`],
    // Non-zero unused bits: decodes to the same bytes as the real signature.
    [
      'non-canonical trailing bits',
      `${h}.${p}.${s.slice(0, -1)}${String.fromCharCode(s.charCodeAt(s.length - 1) + 1)}`,
    ],
    // Node reads a char above 0xFF by its low byte: U+0146 "ņ" would decode as "F".
    [
      'a char whose low byte is in the alphabet',
      `${h}.${p}.${String.fromCharCode(0x100 + s.charCodeAt(0))}${s.slice(1)}`,
    ],
    ['a Latin-1 char', `${h}.${p}.${s.slice(0, 5)}\u00c6${s.slice(5)}`],
  ])('%s → ERR_JWT_MALFORMED', async (_name, token) => {
    expect(token).not.toBe(good);
    expect(await code(token)).toBe('ERR_JWT_MALFORMED');
  });
});

describe('header and payload JSON (strict reader)', () => {
  const payload = JSON.stringify(claims());
  it.each([
    ['duplicate alg', '{"alg":"HS256","alg":"HS256"}', payload],
    [
      'duplicate after escape processing (\\u0061lg)',
      '{"alg":"HS256","\\u0061lg":"none"}',
      payload,
    ],
    ['duplicate claim', '{"alg":"HS256"}', `{"exp":${NOW + 60},"sub":"a","exp":${NOW + 60}}`],
    ['__proto__ claim', '{"alg":"HS256"}', `{"exp":${NOW + 60},"__proto__":{"admin":true}}`],
    [
      'escaped __proto__',
      '{"alg":"HS256"}',
      `{"exp":${NOW + 60},"\\u005f_proto__":{"admin":true}}`,
    ],
    [
      'nested __proto__',
      '{"alg":"HS256"}',
      `{"exp":${NOW + 60},"a":[{"b":{"__proto__":{"polluted":1}}}]}`,
    ],
    [
      'constructor.prototype',
      '{"alg":"HS256"}',
      `{"exp":${NOW + 60},"constructor":{"prototype":{"admin":true}}}`,
    ],
    ['__proto__ in the header', '{"alg":"HS256","__proto__":{"admin":true}}', payload],
    ['lone high surrogate escape', '{"alg":"HS256"}', `{"exp":${NOW + 60},"sub":"\\ud800"}`],
    ['lone low surrogate escape', '{"alg":"HS256"}', `{"exp":${NOW + 60},"sub":"\\udc00x"}`],
    ['1e400 (Infinity)', '{"alg":"HS256"}', '{"exp":1e400}'],
    ['-1e400', '{"alg":"HS256"}', `{"exp":${NOW + 60},"nbf":-1e400}`],
    ['trailing content', '{"alg":"HS256"}', `${payload}ABCD`],
    ['trailing comma', '{"alg":"HS256",}', payload],
    ['single quotes', "{'alg':'HS256'}", payload],
    ['raw control character', '{"alg":"HS256"}', `{"exp":${NOW + 60},"sub":"a\tb"}`],
    ['leading zero', '{"alg":"HS256"}', `{"exp":0${NOW + 60}}`],
    ['NaN literal', '{"alg":"HS256"}', `{"exp":NaN}`],
    ['a JSON array, not an object', '{"alg":"HS256"}', `[${payload}]`],
    ['a JSON string', '{"alg":"HS256"}', '"claims"'],
    ['a header array', '[{"alg":"HS256"}]', payload],
    ['BOM before the header', '\ufeff{"alg":"HS256"}', payload],
    ['BOM before the payload', '{"alg":"HS256"}', `\ufeff${payload}`],
  ])('%s → ERR_JWT_MALFORMED', async (_name, header, body) => {
    expect(await code(hs256(header, body))).toBe('ERR_JWT_MALFORMED');
  });

  it.each([
    ['invalid UTF-8 byte', [0xc3, 0x28]],
    ['overlong encoding of "/"', [0xc0, 0xaf]],
    ['UTF-8-encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
    ['truncated sequence', [0xe2, 0x82]],
  ])('%s in the payload → ERR_JWT_MALFORMED', async (_name, bytes) => {
    const body = Buffer.concat([
      Buffer.from(`{"exp":${NOW + 60},"sub":"`),
      Buffer.from(bytes),
      Buffer.from('"}'),
    ]);
    const input = `${b64('{"alg":"HS256"}')}.${b64(body)}`;
    const mac = createHmac('sha256', secret).update(input).digest('base64url');
    expect(await code(`${input}.${mac}`)).toBe('ERR_JWT_MALFORMED');
  });

  it('accepts a well-formed surrogate pair and non-ASCII text', async () => {
    const { payload } = await verifier.verify(
      hs256(HEADER, `{"exp":${NOW + 60},"sub":"\\ud83d\\ude00 é 😀"}`),
    );
    expect(payload.sub).toBe('😀 é 😀');
  });

  it('refuses deep nesting without a stack overflow, even with a raised length cap', async () => {
    const wide = createVerifier({
      algorithms: ['HS256'],
      key: secret,
      clock,
      maxTokenLength: 1_000_000,
    });
    const deep = `{"exp":${NOW + 60},"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect((await rejection(wide, hs256(HEADER, deep))).code).toBe('ERR_JWT_MALFORMED');
    const depth = (n: number) => `{"exp":${NOW + 60},"a":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`;
    await expect(verifier.verify(hs256(HEADER, depth(30)))).resolves.toBeDefined();
    expect(await code(hs256(HEADER, depth(40)))).toBe('ERR_JWT_MALFORMED');
  });
});

describe('header members (crit, b64, cty, enc, kid, typ)', () => {
  const body = claims();
  it.each([
    ['crit with an extension', { alg: 'HS256', crit: ['exp'], exp: 1 }, 'ERR_JWT_CRIT_UNSUPPORTED'],
    ['crit listing b64', { alg: 'HS256', b64: false, crit: ['b64'] }, 'ERR_JWT_CRIT_UNSUPPORTED'],
    ['empty crit', { alg: 'HS256', crit: [] }, 'ERR_JWT_CRIT_UNSUPPORTED'],
    ['crit not an array', { alg: 'HS256', crit: 'b64' }, 'ERR_JWT_MALFORMED'],
    ['b64 false', { alg: 'HS256', b64: false }, 'ERR_JWT_MALFORMED'],
    ['b64 as a string', { alg: 'HS256', b64: 'true' }, 'ERR_JWT_MALFORMED'],
    ['nested JWT (cty JWT)', { alg: 'HS256', cty: 'JWT' }, 'ERR_JWT_MALFORMED'],
    ['nested JWT (cty jwt)', { alg: 'HS256', cty: 'jwt' }, 'ERR_JWT_MALFORMED'],
    [
      'nested JWT (cty application/JWT)',
      { alg: 'HS256', cty: 'application/JWT' },
      'ERR_JWT_MALFORMED',
    ],
    ['cty not a string', { alg: 'HS256', cty: 1 }, 'ERR_JWT_MALFORMED'],
    ['JWE (enc)', { alg: 'HS256', enc: 'A256GCM' }, 'ERR_JWT_MALFORMED'],
    ['kid not a string', { alg: 'HS256', kid: 7 }, 'ERR_JWT_MALFORMED'],
    ['typ not a string', { alg: 'HS256', typ: ['JWT'] }, 'ERR_JWT_TYPE_MISMATCH'],
  ])('%s → %s', async (_name, header, expected) => {
    expect(await code(hs256(header, body))).toBe(expected);
  });

  it('accepts b64: true and an unrelated cty', async () => {
    await expect(
      verifier.verify(hs256({ alg: 'HS256', b64: true, cty: 'json' }, body)),
    ).resolves.toBeDefined();
  });

  it('never uses or fetches jwk, jku, x5u or x5c headers', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('{"keys":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    try {
      // The attacker signs with their own key and ships it in every header that could carry it.
      const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = attacker.publicKey.export({ format: 'jwk' });
      const ecVerifier = createVerifier({ algorithms: ['ES256'], key: keys.p256.publicKey, clock });
      const token = signToken(
        'ES256',
        attacker.privateKey,
        { alg: 'ES256', jwk, jku: url, x5u: url, x5c: ['MIIB'] },
        body,
      );
      expect((await rejection(ecVerifier, token)).code).toBe('ERR_JWT_SIGNATURE_INVALID');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
