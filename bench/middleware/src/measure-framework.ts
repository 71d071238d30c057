import { startChild, type ChildServer } from './child-server.js';
import { combineRounds, loadOnce, type LoadResult, type LoadSettings } from './load.js';
import type { MaterialSetup } from './material-setup.js';
import { checkSetup } from './sanity.js';
import type { Scenario } from './scenarios.js';

/**
 * Measures the setups of one framework together: each server in its own child process, all
 * started and checked first, warmed up, then measured in interleaved rounds (rotating the order
 * each round) so that a disturbance on a shared machine hits every setup alike. Setups whose
 * server fails to start or answers wrongly are reported through `onBroken` and left out.
 *
 * @param entry - path of the compiled `server-main.js`
 * @param scenarios - the framework's setups
 * @param setup - keys, tokens and the JWK Set server
 * @param settings - durations, connections, rounds
 * @param onBroken - told about a setup that could not be measured
 * @returns the combined result per scenario id
 * @example
 * ```ts
 * const results = await measureFramework(entry, koaScenarios, setup, settings, console.error);
 * ```
 */
export async function measureFramework(
  entry: string,
  scenarios: readonly Scenario[],
  setup: MaterialSetup,
  settings: LoadSettings,
  onBroken: (scenario: Scenario, problem: string) => void,
): Promise<Map<string, LoadResult>> {
  const servers = new Map<string, ChildServer>();
  const tokenFor = (s: Scenario): string =>
    s.key === 'HS256' ? setup.tokens.HS256 : setup.tokens.RS256;
  const rounds = new Map<string, LoadResult[]>();
  try {
    for (const scenario of scenarios) {
      try {
        const server = await startChild(entry, scenario.id, setup.material);
        servers.set(scenario.id, server);
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
    for (let round = 0; round < settings.rounds; round++) {
      const order = ready.map((_, i) => ready[(i + round) % ready.length]!);
      for (const s of order) {
        const server = servers.get(s.id)!;
        const cpuBefore = await server.cpuMicros();
        const result = await loadOnce(
          server.url,
          tokenFor(s),
          settings.seconds,
          settings.connections,
        );
        const cpu = (await server.cpuMicros()) - cpuBefore;
        const cpuMicrosPerRequest = result.total > 0 ? cpu / result.total : 0;
        rounds.get(s.id)!.push({ ...result, cpuMicrosPerRequest });
      }
    }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
  const results = new Map<string, LoadResult>();
  for (const [id, list] of rounds) if (list.length > 0) results.set(id, combineRounds(list));
  return results;
}
