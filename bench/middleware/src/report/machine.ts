import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

/**
 * A one-line description of the machine the benchmark ran on.
 *
 * @returns e.g. `2 × Intel(R) Xeon(R) ... , 8.0 GB RAM, Linux 6.1, Node v20.20.2`
 * @example
 * ```ts
 * console.log(describeMachine());
 * ```
 */
export function describeMachine(): string {
  const cores = cpus();
  const model = (cores[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  const gb = (n: number): string => (n / 1024 ** 3).toFixed(1);
  return `${cores.length} × ${model}, ${gb(totalmem())} GB RAM (${gb(freemem())} GB free at start), load average ${(loadavg()[0] ?? 0).toFixed(1)} at start, ${platform()} ${release()}, Node ${process.version}`;
}
