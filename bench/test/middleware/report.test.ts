import { combineRounds, type LoadResult } from '../../middleware/src/load.js';
import {
  computeRatios,
  COMPARISONS,
  pairedRatio,
} from '../../middleware/src/report/comparisons.js';
import { addedCost, middlewareSection, shareTable } from '../../middleware/src/report/markdown.js';
import {
  replaceSection,
  SECTION_END,
  SECTION_START,
} from '../../middleware/src/report/replace-section.js';
import { ratioChart } from '../../middleware/src/report/svg-chart.js';
import { SCENARIOS } from '../../middleware/src/scenarios.js';

const run = (requestsPerSec: number, failures = 0): LoadResult => ({
  requestsPerSec,
  roundsRps: [requestsPerSec, requestsPerSec],
  cpuMicrosPerRequest: 25,
  p99Ms: 3,
  p50Ms: 1,
  total: requestsPerSec * 4,
  failures,
});

function results(): Map<string, LoadResult> {
  const map = new Map<string, LoadResult>();
  for (const s of SCENARIOS)
    map.set(s.id, run(s.guard === 'none' ? 10_000 : s.guard === 'peer' ? 2_000 : 9_500));
  return map;
}

describe('middleware benchmark report', () => {
  it('has every setup the issue lists, each framework with bare, tokenward HS256/RS256/JWKS and its peer', () => {
    expect(SCENARIOS).toHaveLength(21);
    for (const framework of ['express', 'koa', 'nest']) {
      expect(
        SCENARIOS.filter((s) => s.framework === framework)
          .map((s) => `${s.guard}:${s.key}`)
          .sort(),
      ).toEqual(
        [
          'none:HS256',
          'peer:HS256',
          'tokenward:HS256',
          'tokenward:HS256',
          'tokenward:JWKS',
          'tokenward:RS256',
          'tokenward:RS256',
        ].sort(),
      );
    }
  });

  it('computes the ratios against the issue targets', () => {
    const ratios = computeRatios(results());
    const byLabel = (framework: string, label: string) =>
      ratios.find((r) => r.framework === framework && r.label === label);
    expect(byLabel('express', 'tokenward HS256 / bare')).toMatchObject({
      value: 0.95,
      target: 0.9,
      met: true,
    });
    expect(byLabel('express', 'tokenward HS256 / express-jwt')).toMatchObject({
      value: 4.75,
      target: 4,
      met: true,
    });
    expect(byLabel('nest', 'tokenward HS256 / passport-jwt guard')).toMatchObject({
      target: 3,
      met: true,
    });
    expect(byLabel('koa', 'tokenward RS256 / bare')?.met).toBeUndefined();
    expect(byLabel('koa', 'tokenward HS256 / bare')).toMatchObject({ cpuValue: 1, cpuMet: true });
    // Targets: defaults over bare and over the peer, and cache: false over the peer.
    expect(COMPARISONS.filter((c) => c.target !== undefined)).toHaveLength(9);
    expect(byLabel('koa', 'tokenward HS256 cache: false / bare')?.target).toBeUndefined();
    // Only the cache: false rows set the option; every other tokenward row runs the defaults.
    expect(SCENARIOS.filter((s) => s.cache !== undefined).map((s) => [s.id, s.cache])).toEqual([
      ['express-tokenward-hs256-nocache', false],
      ['express-tokenward-rs256-nocache', false],
      ['koa-tokenward-hs256-nocache', false],
      ['koa-tokenward-rs256-nocache', false],
      ['nest-tokenward-hs256-nocache', false],
      ['nest-tokenward-rs256-nocache', false],
    ]);
  });

  it('marks a missed target, and treats a run with failed requests as missing', () => {
    const map = results();
    map.set('koa-peer-hs256', run(5_000));
    map.set('nest-bare', run(10_000, 3));
    const ratios = computeRatios(map);
    expect(
      ratios.find((r) => r.of === 'koa-tokenward-hs256' && r.over === 'koa-peer-hs256'),
    ).toMatchObject({ met: false });
    const nest = ratios.find((r) => r.of === 'nest-tokenward-hs256' && r.over === 'nest-bare');
    expect(nest?.value).toBeUndefined();
    expect(nest?.met).toBeUndefined();
  });

  it('writes a table with every setup and the ratios, and a well-formed SVG', () => {
    const ratios = computeRatios(results());
    const text = middlewareSection({
      date: '2026-01-01',
      machine: 'test machine',
      command: 'pnpm bench',
      settings: 's',
      scenarios: SCENARIOS,
      results: results(),
      ratios,
      chart: 'chart.svg',
    });
    for (const s of SCENARIOS) expect(text).toContain(`| ${s.label} |`);
    expect(text).toContain(
      '| Express: tokenward HS256 / express-jwt | 4.75× | ≥ 4× | met | 1.00× | **missed** |',
    );
    expect(text).toContain('| bare Koa | 10,000 | 10,000 / 10,000 | 1 | 3 | 25.0 | 40,000 |');
    expect(text).toContain('test machine');
    expect(text).not.toContain('CPU profile'); // no shares given: no profile table
    const svg = ratioChart(ratios, 'sub <title>');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('sub &lt;title&gt;');
    expect(svg.match(/<rect /g)?.length).toBe(1 + 2 * ratios.length);
  });

  it('writes the CPU-profile table: share, implied ratio, verdict on the defaults only', () => {
    const lines = shareTable({
      scenarios: SCENARIOS,
      shares: new Map([
        ['koa-tokenward-hs256', { busy: 1_000, tokenward: 40 }],
        ['koa-tokenward-hs256-nocache', { busy: 1_000, tokenward: 180 }],
        ['nest-tokenward-hs256', { busy: 2_000, tokenward: 300 }],
      ]),
    });
    expect(lines).toContain(
      '| Koa + @tokenward/koa (HS256) | 1,000 | 40 | 4.0 % | 0.96× | ≥ 0.9× | met |',
    );
    expect(lines).toContain(
      '| Koa + @tokenward/koa (HS256, cache: false) | 1,000 | 180 | 18.0 % | 0.82× | — | for information |',
    );
    expect(lines).toContain(
      '| Nest + JwtGuard (HS256) | 2,000 | 300 | 15.0 % | 0.85× | ≥ 0.9× | **missed** |',
    );
    expect(shareTable({ scenarios: SCENARIOS })).toEqual([]);
  });

  it('regenerates only its own section of docs/benchmarks.md', () => {
    const page = `# Benchmarks\n\n## Verify\nB's numbers\n\n${SECTION_START}\nold\n${SECTION_END}\n\n## Revocation\nD's numbers\n`;
    const next = replaceSection(page, 'new');
    expect(next).toBe(page.replace('\nold\n', '\nnew\n'));
    expect(replaceSection('# Benchmarks\n\n## Verify\nx\n', 'new')).toBe(
      `# Benchmarks\n\n## Verify\nx\n\n${SECTION_START}\nnew\n${SECTION_END}\n`,
    );
    expect(replaceSection(undefined, 'new')).toContain(`${SECTION_START}\nnew\n${SECTION_END}`);
  });
});

describe('pairedRatio', () => {
  const withRelative = (roundsRelative: number[]): LoadResult => ({
    ...run(1_000),
    roundsRelative,
  });

  it('over the bare framework: the median of the per-round relative values', () => {
    const bare = withRelative([1, 1, 1, 1, 1, 1, 1]);
    expect(pairedRatio(withRelative([0.8, 0.95, 0.9]), bare)).toBeCloseTo(0.9);
  });

  it('between two setups: the quotient of the medians of their relative values', () => {
    const tokenward = withRelative([0.9, 0.6, 0.92]);
    const peer = withRelative([0.2, 0.1, 0.23, 0.25, 0.3]);
    expect(pairedRatio(tokenward, peer)).toBeCloseTo(0.9 / 0.23);
  });

  it('is undefined without relative values, and the ratio then falls back to the medians', () => {
    expect(pairedRatio(run(900), run(1_000))).toBeUndefined();
    const map = new Map([
      ['koa-bare', { ...run(10_000), roundsRelative: [1, 1, 1] }],
      ['koa-tokenward-hs256', { ...run(5_000), roundsRelative: [0.93, 0.91, 0.95] }],
    ]);
    const ratios = computeRatios(map);
    const of = (id: string) => ratios.find((r) => r.of === id && r.over === 'koa-bare');
    expect(of('koa-tokenward-hs256')?.value).toBeCloseTo(0.93); // not 5,000 / 10,000
  });

  it('comes from paired runs: combineRounds keeps each run’s relative value', () => {
    const round = (relative: number): LoadResult => ({ ...run(100), relative });
    expect(combineRounds([round(0.9), round(0.8)]).roundsRelative).toEqual([0.9, 0.8]);
    expect(combineRounds([run(100), round(0.8)]).roundsRelative).toBeUndefined();
  });

  it('compares server CPU the same way: paired per run when the runs say so', () => {
    const paired = (cpu: number, cpuRelative: number[]): LoadResult => ({
      ...run(1_000),
      cpuMicrosPerRequest: cpu,
      roundsCpuRelative: cpuRelative,
      roundsRelative: [1],
    });
    const map = new Map([
      // Medians over different runs (the bare one over every run) say 100 / 80: not used.
      ['koa-bare', paired(80, [1, 1, 1])],
      ['koa-tokenward-hs256', paired(100, [0.95, 0.9, 0.97])],
    ]);
    const ratio = computeRatios(map).find(
      (r) => r.of === 'koa-tokenward-hs256' && r.over === 'koa-bare',
    );
    expect(ratio?.cpuValue).toBeCloseTo(0.95);
    expect(ratio?.cpuMet).toBe(true);
  });

  it('combineRounds keeps the CPU relatives and the median of the CPU each run added', () => {
    const round = (cpuRelative: number, cpuAddedMicros: number): LoadResult => ({
      ...run(100),
      cpuRelative,
      cpuAddedMicros,
    });
    const combined = combineRounds([round(0.9, 8), round(0.95, 4), round(0.8, 20)]);
    expect(combined.roundsCpuRelative).toEqual([0.9, 0.95, 0.8]);
    expect(combined.cpuAddedMicros).toBe(8);
    expect(combineRounds([run(100), round(0.9, 8)]).roundsCpuRelative).toBeUndefined();
  });
});

describe('combineRounds', () => {
  it('takes medians of rates and latencies and sums the counts', () => {
    const round = (requestsPerSec: number, p99Ms: number, failures = 0): LoadResult => ({
      requestsPerSec,
      p99Ms,
      p50Ms: 1,
      total: 100,
      failures,
    });
    expect(combineRounds([round(10, 5), round(30, 1), round(20, 3, 2)])).toEqual({
      requestsPerSec: 20,
      p99Ms: 3,
      p50Ms: 1,
      total: 300,
      failures: 2,
      roundsRps: [10, 30, 20],
    });
    expect(combineRounds([round(10, 4), round(20, 2)]).requestsPerSec).toBe(15);
    const withCpu = (cpu: number): LoadResult => ({ ...round(10, 1), cpuMicrosPerRequest: cpu });
    expect(combineRounds([withCpu(50), withCpu(30), withCpu(40)]).cpuMicrosPerRequest).toBe(40);
  });
});

describe('addedCost', () => {
  const cpu = (cpuMicrosPerRequest: number, cpuAddedMicros?: number): LoadResult => ({
    requestsPerSec: 1,
    p99Ms: 1,
    p50Ms: 1,
    total: 1,
    failures: 0,
    cpuMicrosPerRequest,
    ...(cpuAddedMicros === undefined ? {} : { cpuAddedMicros }),
  });

  it('states the server CPU tokenward and the peer add to the bare framework', () => {
    const results = new Map([
      ['koa-bare', cpu(17)],
      ['koa-tokenward-hs256', cpu(37)],
      ['koa-tokenward-hs256-nocache', cpu(27)],
      ['koa-peer-hs256', cpu(409)],
    ]);
    expect(addedCost({ results })).toEqual([
      '- Koa: bare 17.0 µs of server CPU per request; tokenward (HS256) adds 20.0 µs, 10.0 µs with `cache: false`; koa-jwt adds 392.0 µs. 0.9× of bare would leave tokenward 1.9 µs.',
    ]);
  });

  it('states what each setup added in its own paired runs, when they were paired', () => {
    const results = new Map([
      ['koa-bare', cpu(17, 0)],
      ['koa-tokenward-hs256', cpu(15, 2)], // a slower moment than the bare median, yet +2 µs
      ['koa-tokenward-hs256-nocache', cpu(27, 11)],
      ['koa-peer-hs256', cpu(409, 390)],
    ]);
    expect(addedCost({ results })).toEqual([
      '- Koa: bare 17.0 µs of server CPU per request; tokenward (HS256) adds 2.0 µs, 11.0 µs with `cache: false`; koa-jwt adds 390.0 µs. 0.9× of bare would leave tokenward 1.9 µs.',
    ]);
  });
});
