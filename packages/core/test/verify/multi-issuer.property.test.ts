import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { createVerifier, JwtError, type IssuerOptions, type Jwk } from '../../src/index.js';
import { claims, clock, signToken } from './token-helpers.js';

// Five issuers, each with its own P-256 key; the same `kid` everywhere, so that only the entry
// chosen by `iss` can tell the keys apart.
const ISSUERS = ['https://a.example', 'https://b.example', 'https://c.example/realms/x', 'd', 'e/'];
const pairs = ISSUERS.map(() => generateKeyPairSync('ec', { namedCurve: 'P-256' }));
const entries: Record<string, IssuerOptions> = {};
ISSUERS.forEach((iss, i) => {
  entries[iss] = { key: { ...pairs[i]?.publicKey.export({ format: 'jwk' }), kid: 'k' } as Jwk };
});
let lookups = 0;
const asFunction = (iss: string): IssuerOptions | undefined => {
  lookups++;
  return Object.hasOwn(entries, iss) ? entries[iss] : undefined;
};
const verifiers = [
  createVerifier({ algorithms: ['ES256'], clock, issuers: entries }),
  createVerifier({ algorithms: ['ES256'], clock, issuers: asFunction }),
];

const sign = (signer: number, iss: unknown): string =>
  signToken(
    'ES256',
    pairs[signer]?.privateKey as never,
    { alg: 'ES256', kid: 'k' },
    claims({ iss }),
  );

async function outcome(verify: Promise<unknown>): Promise<string> {
  try {
    await verify;
    return 'ok';
  } catch (err) {
    if (!(err instanceof JwtError)) throw err;
    return err.code;
  }
}

describe('issuers (property)', () => {
  it('a token verifies exactly when its signer is the entry its iss names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: ISSUERS.length - 1 }),
        fc.nat({ max: ISSUERS.length - 1 }),
        async (signer, claimed) => {
          const token = sign(signer, ISSUERS[claimed]);
          for (const verifier of verifiers) {
            const result = await outcome(verifier.verify(token));
            expect(result).toBe(signer === claimed ? 'ok' : 'ERR_JWT_SIGNATURE_INVALID');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any other iss value is ERR_JWT_ISSUER_MISMATCH, whatever key signed it', async () => {
    const other = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...ISSUERS).map((iss) => `${iss} `),
      fc.constantFrom(...ISSUERS).map((iss) => iss.toUpperCase()),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.constantFrom(...ISSUERS), { maxLength: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: ISSUERS.length - 1 }), other, async (signer, iss) => {
        fc.pre(typeof iss !== 'string' || !ISSUERS.includes(iss));
        const token = sign(signer, iss);
        const before = lookups;
        for (const verifier of verifiers) {
          const result = await outcome(verifier.verify(token));
          // A non-string iss never reaches the function; a string is asked about once.
          expect(result).toBe('ERR_JWT_ISSUER_MISMATCH');
        }
        expect(lookups - before).toBe(typeof iss === 'string' ? 1 : 0);
      }),
      { numRuns: 150 },
    );
  });
});
