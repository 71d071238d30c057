// `pnpm bench`: requests/s and p99 of tokenward against the bare frameworks and the peers, in one
// run; writes the middleware section of docs/benchmarks.md and docs/benchmarks-middleware.svg.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChild } from './child-server.js';
import { load, type LoadResult, type LoadSettings } from './load.js';
import { createMaterial } from './material-setup.js';
import { computeRatios } from './report/comparisons.js';
import { describeMachine } from './report/machine.js';
import { middlewareSection } from './report/markdown.js';
import { replaceSection } from './report/replace-section.js';
import { ratioChart } from './report/svg-chart.js';
import { checkSetup } from './sanity.js';
import { SCENARIOS } from './scenarios.js';

const here = dirname(fileURLToPath(import.meta.url));
const rootDir = join(here, '..', '..', '..');
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
  args: process.argv.slice(2).filter((arg) => arg !== '--'), // pnpm passes a bare `--` through
  allowPositionals: true,
});
const settings: LoadSettings = {
  seconds: Number(values.seconds),
  warmupSeconds: Number(values.warmup),
  connections: Number(values.connections),
};
if (
  ![settings.seconds, settings.warmupSeconds, settings.connections].every(
    (n) => Number.isFinite(n) && n >= 0,
  )
) {
  throw new Error('--seconds, --warmup and --connections must be numbers');
}
const only = values.only?.split(',');
const scenarios = SCENARIOS.filter(
  (s) => !only || only.some((o) => s.id === o || s.framework === o),
);

const setup = await createMaterial();
const results = new Map<string, LoadResult>();
let broken = 0;
console.log(
  `${scenarios.length} setups, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s each, ${settings.connections} connections\n`,
);
try {
  for (const scenario of scenarios) {
    const token = scenario.key === 'HS256' ? setup.tokens.HS256 : setup.tokens.RS256;
    const server = await startChild(join(here, 'server-main.js'), scenario.id, setup.material);
    try {
      await checkSetup(scenario, server.url, token);
      const result = await load(server.url, token, settings);
      results.set(scenario.id, result);
      const note = result.failures > 0 ? `  (${result.failures} failed requests: invalid)` : '';
      console.log(
        `${scenario.label.padEnd(58)} ${result.requestsPerSec.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(1).padStart(5)} ms${note}`,
      );
    } catch (err) {
      broken++;
      console.error(`${scenario.label}: ${(err as Error).message}`);
    } finally {
      await server.stop();
    }
  }
} finally {
  await setup.close();
}

const ratios = computeRatios(results);
console.log('');
for (const r of ratios) {
  if (!results.has(r.of) || !results.has(r.over)) continue;
  const value = r.value === undefined ? 'n/a' : `${r.value.toFixed(2)}×`;
  const target =
    r.target === undefined ? '' : ` (target ≥ ${r.target}×: ${r.met ? 'met' : 'MISSED'})`;
  console.log(`${r.framework.padEnd(8)} ${r.label.padEnd(36)} ${value}${target}`);
}

if (!values['no-write'] && !only) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = describeMachine();
  const section = middlewareSection({
    date,
    machine,
    command: 'pnpm bench',
    settings: `autocannon on 127.0.0.1, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up then ${settings.seconds} s measured per setup; each server in its own child process (autocannon in the parent)`,
    scenarios,
    results,
    ratios,
    chart: 'benchmarks-middleware.svg',
  });
  const page = join(rootDir, 'docs', 'benchmarks.md');
  writeFileSync(
    page,
    replaceSection(existsSync(page) ? readFileSync(page, 'utf8') : undefined, section),
  );
  writeFileSync(
    join(rootDir, 'docs', 'benchmarks-middleware.svg'),
    ratioChart(ratios, `${date} · ${machine}`),
  );
  console.log(`\nwrote docs/benchmarks.md (middleware section) and docs/benchmarks-middleware.svg`);
}
process.exitCode = broken > 0 ? 1 : 0;
