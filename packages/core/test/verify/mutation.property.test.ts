import fc from 'fast-check';
import { createVerifier, JwtError, type Algorithm } from '../../src/index.js';
import { claims, clock, pairFor, prototypeKeys, signToken } from './token-helpers.js';

// Any change to the bytes of a valid token — a replaced, inserted or deleted character anywhere,
// in any segment — is rejected with a JwtError: never accepted (canonical base64url leaves no
// second spelling of a token), never anything else thrown.
const ALGS: Algorithm[] = ['HS256', 'RS256', 'PS256', 'ES256', 'EdDSA'];
const subjects = ALGS.map((alg) => {
  const { signKey, verifyKey } = pairFor(alg);
  return {
    alg,
    token: signToken(alg, signKey, { alg, typ: 'JWT', kid: 'k1' }, claims({ iss: 'i', aud: 'a' })),
    verifier: createVerifier({
      algorithms: [alg],
      key: verifyKey,
      clock,
      issuer: 'i',
      audience: 'a',
    }),
  };
});
const PROTOTYPE = prototypeKeys();

const character = fc.oneof(
  fc.constantFrom(...'ABCXYZabcxyz0189-_.=+/ \n\t%$?'.split('')),
  fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0x100, max: 0x17f }).map((cp) => String.fromCharCode(cp)),
);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const mutation = fc.oneof(
  // A base64url char changed to another one differing in a few bits; at a segment's last char
  // this targets the unused trailing bits (a second spelling of the same bytes, if accepted).
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.integer({ min: 1, max: 63 }).map(String),
  }),
  fc.record({
    kind: fc.constant('flipEnd' as const),
    at: fc.nat(),
    char: fc.integer({ min: 1, max: 15 }).map(String),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: character }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: character }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), char: fc.constant('') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), char: fc.constant('') }),
);

function flip(token: string, at: number, bits: number): string {
  const value = ALPHABET.indexOf(token[at] ?? '');
  if (value < 0) return token;
  return token.slice(0, at) + ALPHABET[value ^ bits] + token.slice(at + 1);
}

function mutate(token: string, m: { kind: string; at: number; char: string }): string {
  const at = m.at % (token.length + (m.kind === 'insert' ? 1 : 0));
  switch (m.kind) {
    case 'flip':
      return flip(token, at, Number(m.char));
    case 'flipEnd': {
      const ends = [token.indexOf('.') - 1, token.lastIndexOf('.') - 1, token.length - 1];
      return flip(token, ends[m.at % 3] as number, Number(m.char));
    }
    case 'replace':
      return token.slice(0, at) + m.char + token.slice(at + 1);
    case 'insert':
      return token.slice(0, at) + m.char + token.slice(at);
    case 'delete':
      return token.slice(0, at) + token.slice(at + 1);
    default:
      return token.slice(0, at);
  }
}

it('the unmutated tokens verify (control)', async () => {
  for (const { token, verifier } of subjects)
    await expect(verifier.verify(token)).resolves.toBeDefined();
});

it('every mutation of a valid token is rejected with a JwtError', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...subjects),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      async ({ token, verifier }, mutations) => {
        const mutated = mutations.reduce(mutate, token);
        fc.pre(mutated !== token);
        const outcome = await verifier.verify(mutated).then(
          () => 'accepted',
          (err: unknown) => (err instanceof JwtError ? 'rejected' : `threw ${String(err)}`),
        );
        expect(outcome).toBe('rejected');
        expect(prototypeKeys()).toEqual(PROTOTYPE);
      },
    ),
    { numRuns: process.env.CI ? 10_000 : 1_000 },
  );
});
