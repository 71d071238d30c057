import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from '../child-server.js';
import { SERVER_NODE_OPTIONS, type CpuPinning } from '../cpu-pinning.js';
import { loadOnce, type LoadSettings } from '../load.js';
import type { MaterialSetup } from '../material-setup.js';
import type { Scenario } from '../scenarios.js';
import { attributeSamples, type CpuProfile, type SampleCounts } from './attribute-samples.js';

/**
 * tokenward's share of one server's CPU time under load, from a CPU profile of the server process
 * (`--cpu-prof`, one sample every 250 µs): the server runs alone, is warmed up, then loaded for
 * `settings.seconds × settings.rounds` seconds, and only the samples of that window count. A
 * share `s` means the bare framework would serve `1 / (1 − s)` times as many requests per second
 * of CPU: unlike requests/s, it does not move when a shared machine gets slower or faster.
 *
 * @param entry - path of the compiled `server-main.js`
 * @param scenario - a tokenward setup
 * @param setup - keys, tokens and the JWK Set server
 * @param settings - durations and connections
 * @returns the sample counts of the window
 * @example
 * ```ts
 * const { busy, tokenward } = await measureShare(entry, scenario, setup, settings, cpuPinning());
 * ```
 */
export async function measureShare(
  entry: string,
  scenario: Scenario,
  setup: MaterialSetup,
  settings: LoadSettings,
  pinning: CpuPinning,
): Promise<SampleCounts> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenward-bench-profile-'));
  try {
    const flags = [
      ...SERVER_NODE_OPTIONS,
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      '--cpu-prof-interval=250',
    ];
    const server = await startChild(entry, scenario.id, setup.material, flags);
    const token = scenario.key === 'HS256' ? setup.tokens.HS256 : setup.tokens.RS256;
    let from = 0;
    let to = 0;
    try {
      pinning.pinServer(server.pid);
      await loadOnce(server.url, token, Math.max(1, settings.warmupSeconds), settings.connections);
      from = await server.clockMicros();
      await loadOnce(server.url, token, settings.seconds * settings.rounds, settings.connections);
      to = await server.clockMicros();
    } finally {
      await server.stop();
    }
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error(`${scenario.label}: the server wrote no CPU profile`);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    return attributeSamples(profile, from, to);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
