import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import type { VerifierOptions } from '../../src/index.js';
import type { IssuerScope } from '../../src/verify/issuer-scope.js';
import { dynamicIssuers } from '../../src/verify/issuer-selector.js';
import { readIssuerOptions } from '../../src/verify/read-issuer-options.js';
import { readVerifierOptions } from '../../src/verify/read-verifier-options.js';
import { rejection, thrown } from '../helpers/jwt-errors';

// The selector of a function `issuers`, observed directly: how many entries live, which closed.
describe('dynamicIssuers', () => {
  let now = 0;
  const clock = (): number => now;
  const options = { algorithms: ['ES256'], clock } as VerifierOptions;
  const base = readVerifierOptions({ ...options, issuers: () => undefined });
  const built: IssuerScope[] = [];
  const build = (iss: string, entry: unknown): IssuerScope => {
    const scope = readIssuerOptions(iss, entry, options, base);
    built.push(scope);
    return scope;
  };
  // Loopback URLs that are never fetched: nothing here asks for a key.
  const lookup = (iss: string) =>
    iss.startsWith('http://127.0.0.1:9/') ? { jwksUri: `${iss}/jwks` } : undefined;

  it('keeps at most max entries through 10,000 distinct issuers and closes every evicted key set', async () => {
    const max = 7;
    const selector = dynamicIssuers(lookup, build, max, clock);
    for (let i = 0; i < 10_000; i++) {
      if (i % max === 0) now += 30_000; // a new window: max more new entries
      selector.select(`http://127.0.0.1:9/t${i}`);
      expect(selector.size).toBeLessThanOrEqual(max);
    }
    expect(built).toHaveLength(10_000);
    const closed = built.slice(0, -max);
    for (const scope of [closed[0], closed[5000], closed.at(-1)] as IssuerScope[]) {
      expect((await rejection(scope.owned?.refresh())).message).toMatch(/closed/);
      expect(scope.retired).toBe(true);
    }
    const live = built.at(-1) as IssuerScope;
    expect(live.retired).toBe(false);
    selector.close();
    expect((await rejection(live.owned?.refresh())).message).toMatch(/closed/);
  });

  it('admits at most max new entries per window, answering 503 with Retry-After beyond', () => {
    built.length = 0;
    now = 1_000_000;
    const selector = dynamicIssuers(lookup, build, 3, clock);
    for (let i = 0; i < 3; i++) selector.select(`http://127.0.0.1:9/w${i}`);
    now += 12_000;
    const err = thrown(() => selector.select('http://127.0.0.1:9/w3'));
    expect(err.code).toBe('ERR_JWKS_UNAVAILABLE');
    expect(err.retryAfter).toBe(18);
    // Known entries are still served, and unknown issuers are still a mismatch, not a wait.
    expect(selector.select('http://127.0.0.1:9/w0')).toBe(built[0]);
    expect(thrown(() => selector.select('https://evil.example')).code).toBe(
      'ERR_JWT_ISSUER_MISMATCH',
    );
    now += 18_000;
    expect(selector.select('http://127.0.0.1:9/w3').issuer?.iss).toBe('http://127.0.0.1:9/w3');
    selector.close();
  });

  it('treats a non-string iss as a mismatch without calling the function', () => {
    let calls = 0;
    const selector = dynamicIssuers(
      () => {
        calls++;
        return undefined;
      },
      build,
      3,
      clock,
    );
    for (const iss of [undefined, null, 1, ['a'], { a: 1 }]) {
      expect(thrown(() => selector.select(iss)).code).toBe('ERR_JWT_ISSUER_MISMATCH');
    }
    expect(calls).toBe(0);
  });
});

describe('dynamicIssuers (property)', () => {
  it('never holds more than max entries, builds only on a miss, and retires exactly what it drops', () => {
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const step = fc.oneof(
      fc.record({ tenant: fc.nat({ max: 11 }) }),
      fc.record({ advance: fc.constantFrom(1_000, 30_000) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(step, { maxLength: 80 }),
        (max, steps) => {
          let now = 0;
          const options = { algorithms: ['ES256'], clock: () => now } as VerifierOptions;
          const base = readVerifierOptions({ ...options, issuers: () => undefined });
          const scopes: IssuerScope[] = [];
          let calls = 0;
          const selector = dynamicIssuers(
            (iss) => {
              calls++;
              return iss.startsWith('t') ? { key } : undefined;
            },
            (iss, entry) => {
              const scope = readIssuerOptions(iss, entry, options, base, true);
              scopes.push(scope);
              return scope;
            },
            max,
            () => now,
          );
          const live = new Map<string, IssuerScope>();
          for (const s of steps) {
            if ('advance' in s) {
              now += s.advance;
              continue;
            }
            const iss = `t${s.tenant}`;
            const before = { calls, built: scopes.length };
            let scope: IssuerScope | undefined;
            try {
              scope = selector.select(iss);
            } catch (err) {
              // Only a new entry can be refused (the window's budget), and nothing is built then.
              expect((err as { code: string }).code).toBe('ERR_JWKS_UNAVAILABLE');
              expect(live.has(iss)).toBe(false);
              expect(scopes.length).toBe(before.built);
              continue;
            }
            if (live.get(iss) === scope) {
              // A hit: the function is not asked again.
              expect(calls).toBe(before.calls);
            } else {
              expect(scopes.at(-1)).toBe(scope);
              live.set(iss, scope);
            }
            for (const [name, s2] of live) if (s2.retired) live.delete(name);
            expect(scope.retired).toBe(false);
            expect(selector.size).toBeLessThanOrEqual(max);
            expect(live.size).toBe(selector.size);
          }
          // Everything built is either live or retired, never both.
          for (const s of scopes) expect(s.retired).toBe(![...live.values()].includes(s));
        },
      ),
      { numRuns: 200 },
    );
  });
});
