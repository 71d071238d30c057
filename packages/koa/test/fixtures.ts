// Shared test material: both Koa majors, a secret, real tokens from core's signer, a tiny router.
import { createSigner, type JwtClaims, type SignOptions } from '@tokenward/core';
import Koa3 from 'koa';
import Koa2 from 'koa2';

/** Both majors: every suite runs on each. */
export const MAJORS = [
  ['koa2', Koa2],
  ['koa3', Koa3],
] as const;

/** The HS256 secret of these tests. */
export const SECRET = 'the koa adapter test secret, long, 32+ bytes';

/** Verifier options matching {@link sign}. */
export const VERIFY = { algorithms: ['HS256' as const], key: SECRET };

const signer = createSigner({ algorithm: 'HS256', key: SECRET, expiresIn: '15m' });

/**
 * A real HS256 token.
 *
 * @param claims - the claims
 * @param options - per-token lifetime etc.
 */
export function sign(
  claims: JwtClaims = { sub: 'user-1' },
  options?: SignOptions,
): Promise<string> {
  return signer.sign(claims, options);
}

/** A token that expired an hour ago. */
export function signExpired(claims: JwtClaims = { sub: 'user-1' }): Promise<string> {
  const past = createSigner({
    algorithm: 'HS256',
    key: SECRET,
    expiresIn: '5m',
    clock: () => Date.now() - 3_600_000,
  });
  return past.sign(claims);
}

/**
 * A minimal router for the tests (no router package involved).
 *
 * @param routes - path → middleware chain, for any method
 */
export function route(
  routes: Record<string, Array<(ctx: Koa3.Context, next: Koa3.Next) => unknown>>,
): Koa3.Middleware {
  return async function router(ctx, next) {
    const chain = routes[ctx.path];
    if (chain === undefined) return next();
    const run = async (i: number): Promise<void> => {
      await chain[i]?.(ctx, () => run(i + 1));
    };
    await run(0);
  };
}
