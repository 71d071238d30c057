import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { jwkThumbprint, type JwtError } from '@tokenward/core';

const vector = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/vectors/rfc7638.json'), 'utf8'),
) as { jwk: JWK; thumbprint: string };

describe('jwkThumbprint (RFC 7638)', () => {
  it("gives RFC 7638 §3.1's thumbprint for its example key", () => {
    expect(jwkThumbprint(vector.jwk)).toBe(vector.thumbprint);
  });

  it.each([
    ['EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['EC P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['Ed25519', () => generateKeyPairSync('ed25519')],
    ['RSA', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ])('agrees with jose for %s keys, private members and extras ignored', async (_name, make) => {
    const { publicKey, privateKey } = make();
    const jwk = publicKey.export({ format: 'jwk' }) as JWK;
    const expected = await calculateJwkThumbprint(jwk, 'sha256');
    expect(jwkThumbprint(jwk)).toBe(expected);
    expect(jwkThumbprint({ ...jwk, kid: 'k1', alg: 'X', use: 'sig' })).toBe(expected);
    expect(jwkThumbprint(privateKey.export({ format: 'jwk' }))).toBe(expected);
  });

  it('agrees with jose for an oct key', async () => {
    const jwk = { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXh4eHg' };
    expect(jwkThumbprint(jwk)).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
  });

  it.each([
    { kty: 'XYZ', x: 'a' },
    { kty: 'EC', crv: 'P-256', x: 'a' },
    { kty: 'RSA', n: 1, e: 'AQAB' },
    { n: 'a', e: 'AQAB' },
  ])('refuses %j with ERR_JWT_KEY_INVALID', (jwk) => {
    expect(() => jwkThumbprint(jwk)).toThrow(
      expect.objectContaining({ code: 'ERR_JWT_KEY_INVALID' }) as JwtError,
    );
  });
});
