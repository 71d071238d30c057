// Shared test material: both Koa majors, a secret, real tokens from core's signer, a tiny router.
import { hs256TestTokens } from '@tokenward/test-tokens';
import Koa3 from 'koa';
import Koa2 from 'koa2';

/** Both majors: every suite runs on each. */
export const MAJORS = [
  ['koa2', Koa2],
  ['koa3', Koa3],
] as const;

/** The HS256 secret of these tests, matching verifier options, and real tokens (15 min; expired). */
export const { SECRET, VERIFY, sign, signExpired } = hs256TestTokens(
  'the koa adapter test secret, long, 32+ bytes',
);

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
