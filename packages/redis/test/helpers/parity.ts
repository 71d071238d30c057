import type { JwtClaims, RevocationStore } from '@tokenward/core';
import fc from 'fast-check';

// The arbitraries and steps of the property "a Redis store answers exactly like
// MemoryRevocationStore", shared by the direct and the mirrored runs. Times are offsets in
// seconds from a base, so expired and live entries both occur.
const iss = fc.constantFrom(undefined, '', 'a', 'b:*');
const name = fc.constantFrom('x', 'y', 'x ', '*');
const offset = fc.integer({ min: -400, max: 400 });

/** One revocation write: a token by (iss, jti) or a subject rule. */
export type ParityOp =
  | { kind: 'token'; iss: string | undefined; jti: string; exp: number }
  | { kind: 'rule'; iss: string | undefined; sub: string; issuedBefore: number; until: number };

/** One lookup. */
export interface ParityQuery {
  iss: string | undefined;
  jti: string | undefined;
  sub: string | undefined;
  iat: number | undefined;
}

/** Up to 8 writes. */
export const parityOps: fc.Arbitrary<ParityOp[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('token' as const), iss, jti: name, exp: offset }),
    fc.record({
      kind: fc.constant('rule' as const),
      iss,
      sub: name,
      issuedBefore: offset,
      until: offset,
    }),
  ),
  { maxLength: 8 },
);

/**
 * Between 1 and `maxLength` lookups.
 *
 * @param maxLength - the most lookups in one run
 */
export const parityQueries = (maxLength: number): fc.Arbitrary<ParityQuery[]> =>
  fc.array(
    fc.record({
      iss,
      jti: fc.option(name, { nil: undefined }),
      sub: fc.option(name, { nil: undefined }),
      iat: fc.option(offset, { nil: undefined }),
    }),
    { minLength: 1, maxLength },
  );

/**
 * Applies the writes to every store, in order, each write to all stores at once.
 *
 * @param stores - the stores to write to
 * @param ops - the writes
 * @param base - NumericDate the offsets count from
 */
export async function applyParityOps(
  stores: RevocationStore[],
  ops: ParityOp[],
  base: number,
): Promise<void> {
  for (const o of ops) {
    if (o.kind === 'token') {
      const token = { iss: o.iss, jti: o.jti, exp: base + o.exp };
      await Promise.all(stores.map((s) => s.revoke(token)));
    } else {
      const rule = {
        iss: o.iss,
        sub: o.sub,
        issuedBefore: base + o.issuedBefore,
        until: base + o.until,
      };
      await Promise.all(stores.map((s) => s.revokeSubject(rule)));
    }
  }
}

/**
 * The claims a lookup asks about.
 *
 * @param q - the lookup
 * @param base - NumericDate the offsets count from
 */
export const parityClaims = (q: ParityQuery, base: number): JwtClaims => ({
  ...q,
  iat: q.iat === undefined ? undefined : base + q.iat,
});
