import autocannon from 'autocannon';

/**
 * Load settings: bounded in time and connections.
 *
 * @example
 * ```ts
 * const settings: LoadSettings = { seconds: 2, warmupSeconds: 1, connections: 10, rounds: 3 };
 * ```
 */
export interface LoadSettings {
  /** Measured duration of one round, seconds. */
  seconds: number;
  /** Unmeasured warm-up of each server before the rounds (JIT, caches), seconds. */
  warmupSeconds: number;
  /** Concurrent connections. */
  connections: number;
  /** Measured runs per setup, each loaded together with the bare framework. */
  rounds: number;
}

/**
 * What the measured rounds of one setup give (medians over the rounds).
 *
 * @example
 * ```ts
 * console.log(`${result.requestsPerSec} req/s, p99 ${result.p99Ms} ms`);
 * ```
 */
export interface LoadResult {
  /** Median over the rounds of the mean requests per second. */
  requestsPerSec: number;
  /** Median over the rounds of the 99th percentile latency, milliseconds. */
  p99Ms: number;
  /** Median over the rounds of the median latency, milliseconds. */
  p50Ms: number;
  /** Requests answered in all rounds. */
  total: number;
  /** Answers that were not 2xx, errors and timeouts (all must be 0 for a valid run). */
  failures: number;
  /** Requests per second of each round, in order. */
  roundsRps?: number[];
  /** Median over the rounds of the server's CPU time per request, microseconds. */
  cpuMicrosPerRequest?: number;
  /**
   * One round: requests/s over the bare framework's, loaded at the same time (1 for the bare
   * framework).
   */
  relative?: number;
  /** The {@link LoadResult.relative} value of each round, in order (set by `combineRounds`). */
  roundsRelative?: number[];
  /**
   * One round: the bare framework's server CPU per request over this setup's, in the same run
   * (1 for the bare framework).
   */
  cpuRelative?: number;
  /** The {@link LoadResult.cpuRelative} value of each round, in order (set by `combineRounds`). */
  roundsCpuRelative?: number[];
  /**
   * One round: this setup's server CPU per request minus the bare framework's in the same run,
   * microseconds. After combining: the median over the rounds.
   */
  cpuAddedMicros?: number;
}

/**
 * Loads `GET url` with the token for a while with autocannon (in this process; the server runs in
 * its own).
 *
 * @param url - the server URL
 * @param token - sent as `Authorization: Bearer <token>` (bare servers ignore it)
 * @param seconds - how long
 * @param connections - concurrent connections
 * @returns one round's numbers
 * @example
 * ```ts
 * const round = await loadOnce('http://127.0.0.1:40000/', token, 2, 10);
 * ```
 */
export async function loadOnce(
  url: string,
  token: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    requestsPerSec: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * The median of a non-empty list (the mean of the two middle values for an even length).
 *
 * @param values - the numbers
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Combines rounds: medians of rate and latencies (robust to a round disturbed by another process
 * on a shared machine), sums of counts.
 *
 * @param rounds - at least one round
 * @returns the combined result
 * @example
 * ```ts
 * const result = combineRounds([round1, round2, round3]);
 * ```
 */
export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  return {
    requestsPerSec: median(rounds.map((r) => r.requestsPerSec)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    total: rounds.reduce((sum, r) => sum + r.total, 0),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    roundsRps: rounds.map((r) => r.requestsPerSec),
    ...(rounds.every((r) => r.cpuMicrosPerRequest !== undefined)
      ? { cpuMicrosPerRequest: median(rounds.map((r) => r.cpuMicrosPerRequest as number)) }
      : {}),
    ...(rounds.length > 0 && rounds.every((r) => r.relative !== undefined)
      ? { roundsRelative: rounds.map((r) => r.relative as number) }
      : {}),
    ...(rounds.length > 0 && rounds.every((r) => r.cpuRelative !== undefined)
      ? { roundsCpuRelative: rounds.map((r) => r.cpuRelative as number) }
      : {}),
    ...(rounds.length > 0 && rounds.every((r) => r.cpuAddedMicros !== undefined)
      ? { cpuAddedMicros: median(rounds.map((r) => r.cpuAddedMicros as number)) }
      : {}),
  };
}
