import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_FAILURES, REASONS } from '../src/expected-failures.js';
import { PEERS } from '../src/peers.js';
import { runSuite } from '../src/run-suite.js';

// The test suites express-jwt 7.4.1, koa-jwt 4.0.4 and passport-jwt 4.0.1 publish in their npm
// packages, run by mocha from node_modules against shims that only rename options. Every failure
// must be listed, for a reason the docs state; anything else fails here.
const rootDir = join(__dirname, '..', '..', '..');
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe.each(PEERS)('the $name suite', (suite) => {
  const expected = EXPECTED_FAILURES[suite.name];
  let outcome: ReturnType<typeof runSuite>;
  beforeAll(() => {
    outcome = runSuite(suite);
  }, 240_000);

  it('ran: some tests of the suite were collected', () => {
    expect(outcome.passed.length + outcome.failed.size).toBeGreaterThan(10);
  });

  it('fails only where the list says, and passes everywhere else', () => {
    const unexpected = [...outcome.failed.keys()].filter((t) => !(t in expected));
    const fixed = Object.keys(expected).filter((t) => !outcome.failed.has(t));
    // A new failure is a regression (or a new deliberate difference to document and list); a
    // listed test that passes now must leave the list.
    expect({ unexpected, fixed }).toEqual({ unexpected: [], fixed: [] });
  });

  it('fails each listed test for its listed reason', () => {
    const wrong = Object.entries(expected)
      .filter(([title, reason]) => !REASONS[reason].message.test(outcome.failed.get(title) ?? ''))
      .map(([title, reason]) => `${title}: expected ${reason}, got ${outcome.failed.get(title)}`);
    expect(wrong).toEqual([]);
  });
});

describe('the reasons of the expected failures', () => {
  it.each(Object.entries(REASONS))('%s is stated in the docs', (_name, reason) => {
    expect(flat(readFileSync(join(rootDir, reason.doc), 'utf8'))).toContain(flat(reason.quote));
  });
});
