import { createHash } from 'node:crypto';
import { accessTokenHash } from '../../src/dpop/access-token-hash.js';

const reference = (token: string): string => createHash('sha256').update(token).digest('base64url');

describe('accessTokenHash (ath, RFC 9449 §4.2)', () => {
  it('is the base64url SHA-256 of the token, also for tokens seen before and after many others', () => {
    const tokens = Array.from({ length: 3000 }, (_, i) => `eyJhbGciOiJIUzI1NiJ9.${i}.sig${i % 7}`);
    // Three passes: the first fills the memo past its bound, the later ones read it or recompute.
    for (let pass = 0; pass < 3; pass++) {
      for (const token of tokens) expect(accessTokenHash(token)).toBe(reference(token));
    }
  });

  it('is never read from the memo for another token with a similar text', () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln';
    expect(accessTokenHash(token)).toBe(reference(token));
    expect(accessTokenHash(`${token}x`)).toBe(reference(`${token}x`));
    expect(accessTokenHash(token.slice(0, -1))).toBe(reference(token.slice(0, -1)));
  });

  it('hashes a very long token without keeping it', () => {
    const long = 'a'.repeat(20_000);
    expect(accessTokenHash(long)).toBe(reference(long));
  });
});
