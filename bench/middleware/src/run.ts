// `pnpm bench`: requests/s and p99 of tokenward against the bare frameworks and the peers, in one
// run; writes the middleware section of docs/benchmarks.md and docs/benchmarks-middleware.svg.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LoadResult, LoadSettings } from './load.js';
import { cpuPinning } from './cpu-pinning.js';
import { createMaterial } from './material-setup.js';
import { measureFramework } from './measure-framework.js';
import { computeRatios } from './report/comparisons.js';
import { describeMachine } from './report/machine.js';
import { middlewareSection } from './report/markdown.js';
import { replaceSection } from './report/replace-section.js';
import { ratioChart } from './report/svg-chart.js';
import type { SampleCounts } from './profile/attribute-samples.js';
import { measureShare } from './profile/measure-share.js';
import { SCENARIOS } from './scenarios.js';

const here = dirname(fileURLToPath(import.meta.url));
const rootDir = join(here, '..', '..', '..');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'), // pnpm passes a bare `--` through
  options: {
    seconds: { type: 'string', default: '1' },
    // 3 s: after 1 s, the first runs of a setup still came out low on a busy two-CPU machine (the
    // ratio over bare rose from run to run). 7 runs: a median that one disturbed run moves less.
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '7' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const settings: LoadSettings = {
  seconds: Number(values.seconds),
  warmupSeconds: Number(values.warmup),
  connections: Number(values.connections),
  rounds: Number(values.rounds),
};
const valid = (n: number, min: number): boolean => Number.isInteger(n) && n >= min && n <= 60;
if (
  !valid(settings.seconds, 1) ||
  !valid(settings.warmupSeconds, 0) ||
  !valid(settings.rounds, 1) ||
  !valid(settings.connections, 1)
) {
  throw new Error(
    '--seconds, --rounds and --connections must be whole numbers from 1 to 60, --warmup from 0 to 60',
  );
}
const only = values.only?.split(',');
const scenarios = SCENARIOS.filter(
  (s) => !only || only.some((o) => s.id === o || s.framework === o),
);

console.log(
  `${scenarios.length} setups; per framework: servers in child processes, ${settings.warmupSeconds} s warm-up each, then ` +
    `setup by setup ${settings.rounds} runs of ${settings.seconds} s, each loaded together with the bare framework; ${settings.connections} connections per server\n`,
);
const pinning = cpuPinning();
console.log(`placement: ${pinning.description}`);
const setup = await createMaterial();
const results = new Map<string, LoadResult>();
const shares = new Map<string, SampleCounts>();
let broken = 0;
try {
  for (const framework of ['express', 'koa', 'nest'] as const) {
    const group = scenarios.filter((s) => s.framework === framework);
    if (group.length === 0) continue;
    const measured = await measureFramework(
      join(here, 'server-main.js'),
      group,
      setup,
      settings,
      pinning,
      (scenario, problem) => {
        broken++;
        console.error(`${scenario.label}: NOT MEASURED: ${problem}`);
      },
    );
    for (const scenario of group) {
      const result = measured.get(scenario.id);
      if (!result) continue;
      results.set(scenario.id, result);
      const note = result.failures > 0 ? `  (${result.failures} failed requests: invalid)` : '';
      const spread = (result.roundsRps ?? []).map((r) => r.toFixed(0)).join('/');
      console.log(
        `${scenario.label.padEnd(58)} ${result.requestsPerSec.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(1).padStart(5)} ms  cpu ${(result.cpuMicrosPerRequest ?? 0).toFixed(1).padStart(6)} µs/req  rounds ${spread}${note}`,
      );
    }
  }
  // tokenward's share of its server's CPU, from a CPU profile of each HS256 setup under load.
  if (!values['no-profile']) {
    console.log('');
    for (const scenario of scenarios.filter((s) => s.guard === 'tokenward' && s.key === 'HS256')) {
      try {
        const counts = await measureShare(
          join(here, 'server-main.js'),
          scenario,
          setup,
          settings,
          pinning,
        );
        shares.set(scenario.id, counts);
        const share = counts.busy === 0 ? 0 : counts.tokenward / counts.busy;
        console.log(
          `${scenario.label.padEnd(58)} ${(share * 100).toFixed(1).padStart(5)} % of ${counts.busy} busy samples in tokenward  → ${(1 - share).toFixed(2)}× implied`,
        );
      } catch (err) {
        broken++;
        console.error(`${scenario.label}: NOT PROFILED: ${(err as Error).message}`);
      }
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
  console.log(`${r.framework.padEnd(8)} ${r.label.padEnd(44)} ${value}${target}`);
}

if (!values['no-write'] && !only) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = describeMachine();
  const section = middlewareSection({
    date,
    machine,
    command: 'pnpm bench',
    settings:
      `autocannon on 127.0.0.1, ${settings.connections} connections per server; per framework, every server in its own child process ` +
      `(autocannon in the parent) with 16 MB young-generation semi-spaces, ${settings.warmupSeconds} s warm-up each; then setup by ` +
      `setup, ${settings.rounds} runs of ${settings.seconds} s in which the setup and the bare framework are loaded at the same ` +
      `time, each by its own autocannon (${pinning.description}), each run right after 0.5 s of unmeasured load. Both servers ` +
      'get the same share of the same CPU at the same moments, so their requests/s compare the CPU each needs per request, and ' +
      'the absolute requests/s are those of a server with half a CPU. Requests/s and latencies are medians over the runs; a ' +
      'ratio over the bare framework is the median over the runs of the setup’s requests/s over the bare framework’s in the ' +
      'same run (between two setups: the quotient of those medians)',
    scenarios,
    results,
    ratios,
    chart: 'benchmarks-middleware.svg',
    shares,
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
