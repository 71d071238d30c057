import type Redis from 'ioredis';
import fc from 'fast-check';
import { createKeyLayout, encodeComponent } from '../../src/lib/key-codec.js';
import { RedisRevocationStore } from '../../src/index.js';
import { nowSeconds, redisClients } from '../helpers/clients.js';
import { describeRedis, REDIS_URL } from '../helpers/redis-env.js';
import { trackUnhandledRejections } from '../helpers/unhandled-rejections.js';

const junk = Array.from({ length: 10_240 }, (_, i) => String.fromCharCode(i % 0x7f)).join('');
const tricky = [
  '*',
  '?',
  '[a-z]',
  '\\',
  ':',
  'a:b',
  'a',
  'b',
  'b:c',
  '{',
  '}',
  '{tw}',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\0',
  'é',
  'e\u0301',
  '\uD800',
  '\uFFFD',
  '\uDC00\uD800',
  '😀',
  junk,
  `${junk}x`,
  'x'.repeat(96),
  'x'.repeat(97),
];

describe('encodeComponent', () => {
  it('uses only base64url characters after a one-letter marker', () => {
    for (const value of tricky) expect(encodeComponent(value)).toMatch(/^[uwhx][A-Za-z0-9_-]*$/);
  });

  it('is injective on tricky values (lone surrogates and U+FFFD included)', () => {
    const encoded = new Set(tricky.map(encodeComponent));
    expect(encoded.size).toBe(tricky.length);
  });

  it('maps distinct UTF-16 strings to distinct encodings (property)', () => {
    const utf16 = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 })
      .map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(
        utf16,
        utf16,
        (a, b) => (a === b) === (encodeComponent(a) === encodeComponent(b)),
      ),
      { numRuns: 2000 },
    );
  });

  it('caps long values to a SHA-256 of ~44 characters, distinct from any literal', () => {
    expect(encodeComponent('x'.repeat(96))).toHaveLength(1 + 128);
    expect(encodeComponent('x'.repeat(97))).toHaveLength(1 + 43);
    expect(encodeComponent(junk)).toHaveLength(44);
    expect(encodeComponent(junk)[0]).toBe('h');
    expect(encodeComponent(`${junk}\uD800`)[0]).toBe('x');
  });

  it('keeps (iss, jti) pairs apart even when a separator could shift between them', () => {
    const layout = createKeyLayout('p:');
    expect(layout.token('a:b', 'c')).not.toBe(layout.token('a', 'b:c'));
    expect(layout.subject('a', 'b')).not.toBe(layout.token('a', 'b'));
    expect(layout.anySubject('a')).not.toBe(layout.subject('', 'a'));
    expect(layout.owns(layout.token('a', 'b'))).toBe(true);
    expect(layout.owns(layout.channel)).toBe(false);
    expect(layout.owns('q:{tw}:t:u:u')).toBe(false);
  });

  it('escapes glob characters of the prefix in the SCAN pattern', () => {
    expect(createKeyLayout('a*b?[c]\\:').scanPattern('k*:')).toBe(
      'k\\*:a\\*b\\?\\[c\\]\\\\:{tw}:*',
    );
  });
});

describeRedis('escaped keys in Redis', () => {
  const prefix = `tokenward-test:codec:${process.pid}:`;
  const { open, entries } = redisClients(prefix, REDIS_URL);
  // Created in beforeAll: a skipped describe still runs its body, and must open nothing.
  let client: Redis;
  let store: RedisRevocationStore;
  beforeAll(() => {
    client = open();
    // This file checks key encoding, not time limits: a loaded CI machine may take over the
    // default 200 ms to connect.
    store = new RedisRevocationStore({ client, prefix, timeoutMs: 2000 });
  });
  afterAll(() => store.close());

  it('revokes each tricky jti and sub alone, with bounded keys under the prefix', async () => {
    const now = nowSeconds();
    const exp = now + 600;
    for (const value of tricky) {
      await store.revoke({ iss: value, jti: value, exp });
      await store.revokeSubject({ iss: value, sub: value, issuedBefore: now, until: exp });
    }
    const stored = await entries(client);
    expect(stored).toHaveLength(tricky.length * 2);
    for (const key of stored) {
      expect(key.startsWith(`${prefix}{tw}:`)).toBe(true);
      expect(key.length).toBeLessThan(prefix.length + 300);
    }
    const mirrored = new RedisRevocationStore({
      client: open(),
      prefix,
      mirror: true,
      timeoutMs: 2000,
    });
    try {
      await mirrored.ready();
      for (const value of tricky) {
        for (const other of tricky) {
          const same = value === other;
          for (const reader of [store, mirrored]) {
            expect(await reader.isRevoked({ iss: value, jti: other })).toBe(same);
            expect(await reader.isRevoked({ iss: value, sub: other, iat: now - 1 })).toBe(same);
          }
        }
      }
      expect(mirrored.mirrorState).toBe('live');
    } finally {
      await mirrored.close();
    }
  });
});

trackUnhandledRejections();
