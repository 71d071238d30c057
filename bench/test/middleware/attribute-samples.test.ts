import {
  attributeSamples,
  type CpuProfile,
} from '../../middleware/src/profile/attribute-samples.js';

const KOA = 'file:///w/node_modules/.pnpm/koa@3/node_modules/koa/lib/application.js';
const CORE = 'file:///w/packages/core/dist/esm/verify/verifier-core.js';
const ADAPTER = 'file:///w/packages/koa/dist/esm/jwt.js';

// root ─ (idle) 2 | (program) 3 | (garbage collector) 4
//      └ koa handleRequest 5 ─ jwtMiddleware 6 ─ runNow 7 ─ hash (node:internal) 8
//                                              └ koa-compose dispatch 9 ─ emit (node:events) 10
const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url },
  children,
});
const profile = (samples: number[]): CpuProfile => ({
  nodes: [
    frame(1, '(root)', '', [2, 3, 4, 5]),
    frame(2, '(idle)', ''),
    frame(3, '(program)', ''),
    frame(4, '(garbage collector)', ''),
    frame(5, 'handleRequest', KOA, [6]),
    frame(6, 'jwtMiddleware', ADAPTER, [7, 9]),
    frame(7, 'runNow', CORE, [8]),
    frame(8, 'hash', 'node:internal/crypto/hash'),
    frame(9, 'dispatch', 'file:///w/node_modules/koa-compose/index.js', [10]),
    frame(10, 'emit', 'node:events'),
  ],
  startTime: 1_000,
  samples,
  timeDeltas: samples.map(() => 10),
});

describe('attributeSamples', () => {
  it('counts tokenward frames and the natives they call, not the framework below next()', () => {
    // tokenward: 6, 7, 8 (hash runs for runNow); not: 3, 4, 5, 9, 10 (emit runs for koa-compose)
    const counts = attributeSamples(profile([6, 7, 8, 3, 4, 5, 9, 10, 2, 2]), 0, 1e9);
    expect(counts).toEqual({ busy: 8, tokenward: 3 });
  });

  it('keeps only the samples of the window', () => {
    // Sample i is at 1,000 + 10 × (i + 1): the window [1,025, 1,045] holds samples 2, 3 and 4.
    const counts = attributeSamples(profile([7, 7, 7, 5, 2, 7]), 1_025, 1_045);
    expect(counts).toEqual({ busy: 2, tokenward: 1 });
  });
});
