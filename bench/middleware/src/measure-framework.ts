import { startChild, type ChildServer } from './child-server.js';
import { SERVER_NODE_OPTIONS, type CpuPinning } from './cpu-pinning.js';
import { combineRounds, loadOnce, type LoadResult, type LoadSettings } from './load.js';
import type { MaterialSetup } from './material-setup.js';
import { checkSetup } from './sanity.js';
import type { Scenario } from './scenarios.js';

// Unmeasured load right before every measured run, seconds.
const SETTLE_SECONDS = 0.5;

/**
 * Measures the setups of one framework together: each server in its own child process, all
 * started and checked first, warmed up, then setup by setup, `settings.rounds` runs in which the
 * setup and the bare framework are loaded at the same time, each by its own autocannon, on the
 * same CPU when `pinning` is active. Both servers then get the same share of the same CPU at the
 * same moments, so a shared machine that gets slower or faster moves both alike, and the
 * `relative` value of a run (the setup's requests/s over the bare framework's in that run)
 * compares the CPU each needs per request. Setups whose server fails to start or answers wrongly
 * are reported through `onBroken` and left out.
 *
 * @param entry - path of the compiled `server-main.js`
 * @param scenarios - the framework's setups
 * @param setup - keys, tokens and the JWK Set server
 * @param settings - durations, connections, rounds
 * @param pinning - where the servers run
 * @param onBroken - told about a setup that could not be measured
 * @returns the combined result per scenario id
 * @example
 * ```ts
 * const results = await measureFramework(entry, koaScenarios, setup, settings, cpuPinning(), console.error);
 * ```
 */
export async function measureFramework(
  entry: string,
  scenarios: readonly Scenario[],
  setup: MaterialSetup,
  settings: LoadSettings,
  pinning: CpuPinning,
  onBroken: (scenario: Scenario, problem: string) => void,
): Promise<Map<string, LoadResult>> {
  const servers = new Map<string, ChildServer>();
  const tokenFor = (s: Scenario): string =>
    s.key === 'HS256' ? setup.tokens.HS256 : setup.tokens.RS256;
  const rounds = new Map<string, LoadResult[]>();
  try {
    for (const scenario of scenarios) {
      try {
        const server = await startChild(entry, scenario.id, setup.material, SERVER_NODE_OPTIONS);
        servers.set(scenario.id, server);
        pinning.pinServer(server.pid);
        await checkSetup(scenario, server.url, tokenFor(scenario));
        rounds.set(scenario.id, []);
      } catch (err) {
        onBroken(scenario, (err as Error).message);
      }
    }
    const ready = scenarios.filter((s) => rounds.has(s.id));
    if (settings.warmupSeconds > 0) {
      for (const s of ready)
        await loadOnce(
          servers.get(s.id)!.url,
          tokenFor(s),
          settings.warmupSeconds,
          settings.connections,
        );
    }
    // One run: the given setups loaded together, each by its own autocannon and with the same
    // token (the bare server gets that of the setup it is compared with, so that both parse the
    // same request), after an unmeasured settle (a server that sat idle starts its run warm).
    const measureTogether = async (
      group: readonly Scenario[],
      token: string,
    ): Promise<LoadResult[]> => {
      const load = (s: Scenario, seconds: number): Promise<LoadResult> =>
        loadOnce(servers.get(s.id)!.url, token, seconds, settings.connections);
      await Promise.all(group.map((s) => load(s, SETTLE_SECONDS)));
      const cpuBefore = await Promise.all(group.map((s) => servers.get(s.id)!.cpuMicros()));
      const results = await Promise.all(group.map((s) => load(s, settings.seconds)));
      const cpuAfter = await Promise.all(group.map((s) => servers.get(s.id)!.cpuMicros()));
      return results.map((result, i) => {
        const cpu = cpuAfter[i]! - cpuBefore[i]!;
        return { ...result, cpuMicrosPerRequest: result.total > 0 ? cpu / result.total : 0 };
      });
    };
    const bare = ready.find((s) => s.guard === 'none');
    const others = ready.filter((s) => s !== bare);
    for (const s of others) {
      for (let round = 0; round < settings.rounds; round++) {
        if (bare === undefined) {
          rounds.get(s.id)!.push((await measureTogether([s], tokenFor(s)))[0]!);
          continue;
        }
        // Which autocannon starts first alternates from run to run.
        const pair = round % 2 === 0 ? [bare, s] : [s, bare];
        const runs = await measureTogether(pair, tokenFor(s));
        const bareRun = runs[pair.indexOf(bare)]!;
        const setupRun = runs[pair.indexOf(s)]!;
        rounds.get(bare.id)!.push({ ...bareRun, relative: 1, cpuRelative: 1, cpuAddedMicros: 0 });
        const bareCpu = bareRun.cpuMicrosPerRequest ?? 0;
        const setupCpu = setupRun.cpuMicrosPerRequest ?? 0;
        rounds.get(s.id)!.push({
          ...setupRun,
          relative: setupRun.requestsPerSec / bareRun.requestsPerSec,
          ...(bareCpu > 0 && setupCpu > 0
            ? { cpuRelative: bareCpu / setupCpu, cpuAddedMicros: setupCpu - bareCpu }
            : {}),
        });
      }
    }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
  const results = new Map<string, LoadResult>();
  for (const [id, list] of rounds) if (list.length > 0) results.set(id, combineRounds(list));
  return results;
}
