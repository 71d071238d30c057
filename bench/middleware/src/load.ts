import autocannon from 'autocannon';

/**
 * Load settings: bounded in time and connections.
 *
 * @example
 * ```ts
 * const settings: LoadSettings = { seconds: 4, warmupSeconds: 1, connections: 10 };
 * ```
 */
export interface LoadSettings {
  /** Measured duration per setup, seconds. */
  seconds: number;
  /** Unmeasured warm-up before it (JIT, caches), seconds. */
  warmupSeconds: number;
  /** Concurrent connections. */
  connections: number;
}

/**
 * What one measured run gives.
 *
 * @example
 * ```ts
 * console.log(`${result.requestsPerSec} req/s, p99 ${result.p99Ms} ms`);
 * ```
 */
export interface LoadResult {
  /** Mean requests per second over the measured run. */
  requestsPerSec: number;
  /** 99th percentile latency, milliseconds. */
  p99Ms: number;
  /** Median latency, milliseconds. */
  p50Ms: number;
  /** Requests answered. */
  total: number;
  /** Answers that were not 2xx, errors and timeouts (all must be 0 for a valid run). */
  failures: number;
}

/**
 * Loads `GET url` with the token, after a warm-up, with autocannon (in this process; the server
 * runs in its own).
 *
 * @param url - the server URL
 * @param token - sent as `Authorization: Bearer <token>` (bare servers ignore it)
 * @param settings - duration and connections
 * @returns the measured run
 * @example
 * ```ts
 * const result = await load('http://127.0.0.1:40000/', token, { seconds: 4, warmupSeconds: 1, connections: 10 });
 * ```
 */
export async function load(
  url: string,
  token: string,
  settings: LoadSettings,
): Promise<LoadResult> {
  const base = {
    url,
    connections: settings.connections,
    headers: { authorization: `Bearer ${token}` },
  };
  if (settings.warmupSeconds > 0) await autocannon({ ...base, duration: settings.warmupSeconds });
  const result = await autocannon({ ...base, duration: settings.seconds });
  return {
    requestsPerSec: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
