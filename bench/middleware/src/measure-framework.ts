import { startChild, type ChildServer } from './child-server.js';
import { combineRounds, loadOnce, type LoadResult, type LoadSettings } from './load.js';
import type { MaterialSetup } from './material-setup.js';
import { checkSetup } from './sanity.js';
import type { Scenario } from './scenarios.js';

// Unmeasured load right before every measured slice, seconds.
const SETTLE_SECONDS = 0.5;

/**
 * Measures the setups of one framework together: each server in its own child process, all
 * started and checked first, warmed up, then measured setup by setup, each one alternating with
 * the bare framework (bare, A, bare, A, …, bare; `settings.rounds` runs of A): the `relative`
 * value of each A run is its requests/s over the mean of the bare runs right before and after it,
 * so a machine that gets slower or faster during the run (a shared one does) moves both sides of
 * the ratio alike. Setups whose server fails to start or answers wrongly are reported through
 * `onBroken` and left out.
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
    const measure = async (s: Scenario): Promise<LoadResult> => {
      const server = servers.get(s.id)!;
      // Unmeasured first: a server that sat idle while the others ran starts its slice warm, as
      // the bare one (measured every other slice) always does.
      await loadOnce(server.url, tokenFor(s), SETTLE_SECONDS, settings.connections);
      const cpuBefore = await server.cpuMicros();
      const result = await loadOnce(
        server.url,
        tokenFor(s),
        settings.seconds,
        settings.connections,
      );
      const cpu = (await server.cpuMicros()) - cpuBefore;
      const cpuMicrosPerRequest = result.total > 0 ? cpu / result.total : 0;
      return { ...result, cpuMicrosPerRequest };
    };
    const bare = ready.find((s) => s.guard === 'none');
    const others = ready.filter((s) => s !== bare);
    if (bare === undefined) {
      for (let round = 0; round < settings.rounds; round++) {
        const order = others.map((_, i) => others[(i + round) % others.length]!);
        for (const s of order) rounds.get(s.id)!.push(await measure(s));
      }
    } else {
      // Each setup in turn, alternating with the bare framework: bare, A, bare, A, ..., bare.
      // Every A run is compared with the bare runs right before and after it, which cancels the
      // drift of a shared machine, and both servers stay equally busy while they are compared.
      const keepBare = (r: LoadResult): LoadResult => {
        rounds.get(bare.id)!.push({ ...r, relative: 1 });
        return r;
      };
      for (const s of others) {
        let before = keepBare(await measure(bare));
        for (let round = 0; round < settings.rounds; round++) {
          const result = await measure(s);
          const after = keepBare(await measure(bare));
          const reference = (before.requestsPerSec + after.requestsPerSec) / 2;
          rounds.get(s.id)!.push({ ...result, relative: result.requestsPerSec / reference });
          before = after;
        }
      }
    }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
  const results = new Map<string, LoadResult>();
  for (const [id, list] of rounds) if (list.length > 0) results.set(id, combineRounds(list));
  return results;
}
