import type { PeerName } from './peers.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One peer package whose shipped tests run against a shim. */
export interface PeerSuite {
  /** The npm package, pinned in this package's devDependencies. */
  readonly name: PeerName;
  /** Test files inside the package's `test/` folder. */
  readonly files: RegExp;
  /** Files the suite's own mocha setup requires first (relative to the package). */
  readonly setup?: readonly string[];
}

/** What one run of a suite gave: test titles by outcome. */
export interface SuiteOutcome {
  readonly passed: readonly string[];
  readonly failed: ReadonlyMap<string, string>;
}

const here = join(__dirname, '..');
const mocha = join(here, 'node_modules', 'mocha', 'bin', 'mocha.js');
// Node 22.18+ strips TypeScript types by itself and refuses to for files under node_modules
// (express-jwt's suite is .ts): leave .ts files to the register hook, as on Node 20.
const NODE_FLAGS: readonly string[] =
  'typescript' in process.features ? ['--no-experimental-strip-types'] : [];
const register = join(__dirname, 'register.cjs');

/**
 * Runs each test file of a peer's published package with mocha (the peers' own runner) in a
 * child process, with `register.cjs` pointing the peer's implementation at tokenward's shim. A
 * file that cannot even load (a `describe` body that builds a middleware with a refused option)
 * counts as one failure titled `<file> (loading)`.
 *
 * @param suite - the peer suite
 * @returns passed titles, and failed titles with their first error line
 */
export function runSuite(suite: PeerSuite): SuiteOutcome {
  const root = realpathSync(join(here, 'node_modules', suite.name));
  const files = readdirSync(join(root, 'test'))
    .filter((f) => suite.files.test(f))
    .sort();
  const passed: string[] = [];
  const failed = new Map<string, string>();
  const out = mkdtempSync(join(tmpdir(), 'peer-suites-'));
  try {
    for (const file of files) {
      const report = join(out, `${file}.json`);
      const args = [
        ...NODE_FLAGS,
        '--conditions=@tokenward/source',
        mocha,
        '--require',
        register,
        ...(suite.setup ?? []).flatMap((s) => ['--require', join(root, s)]),
        '--reporter',
        'json',
        '--reporter-option',
        `output=${report}`,
        '--timeout',
        '2000',
        '--exit',
        join(root, 'test', file),
      ];
      const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
      let json: {
        passes: { fullTitle: string }[];
        failures: { fullTitle: string; err: { message?: string } }[];
      };
      try {
        json = JSON.parse(readFileSync(report, 'utf8'));
      } catch {
        const reason =
          /Exception during run: ([^\n]*)/.exec(run.stderr)?.[1] ?? run.stderr.slice(0, 200);
        failed.set(`${file} (loading)`, reason);
        continue;
      }
      for (const t of json.passes) passed.push(t.fullTitle);
      for (const t of json.failures)
        failed.set(t.fullTitle, (t.err.message ?? '').split('\n')[0] ?? '');
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { passed, failed };
}
