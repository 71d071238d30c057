import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Node options of every measured server: a fixed young generation (16 MB semi-spaces). V8 sizes
 * it from each process's own history, and two processes of the same server were seen to differ by
 * 10 % and more from that alone; fixed, the bare framework and the setups compare like for like.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = [
  '--min-semi-space-size=16',
  '--max-semi-space-size=16',
];

/**
 * Where the processes of a run are placed: the servers on one CPU, autocannon (this process) on
 * another, so that the servers compared share the same CPU and the load generator never takes it
 * from them. Needs `taskset` (util-linux) and two CPUs; without them nothing is pinned.
 *
 * @example
 * ```ts
 * const pinning = cpuPinning();
 * pinning.pinServer(server.pid);
 * ```
 */
export interface CpuPinning {
  /** Whether processes are pinned at all. */
  readonly active: boolean;
  /** One line for the report, e.g. `servers on CPU 1, autocannon on CPU 0 (taskset)`. */
  readonly description: string;
  /** Pins every thread of a server process to the servers' CPU (no-op when inactive). */
  pinServer(pid: number): void;
}

const SERVER_CPU = 1;
const LOAD_CPU = 0;

function taskset(args: readonly string[]): boolean {
  const run = spawnSync('taskset', args, { stdio: 'ignore' });
  return run.error === undefined && run.status === 0;
}

/**
 * Pins this process (autocannon) to CPU 0 when it can, and returns how servers get pinned.
 *
 * @returns the placement of this run
 * @example
 * ```ts
 * const pinning = cpuPinning();
 * console.log(pinning.description);
 * ```
 */
export function cpuPinning(): CpuPinning {
  const active =
    availableParallelism() >= 2 &&
    taskset(['-a', '-p', '-c', String(LOAD_CPU), String(process.pid)]);
  if (!active) {
    return {
      active,
      description: 'not pinned (needs taskset and 2 CPUs): servers and autocannon share every CPU',
      pinServer: () => undefined,
    };
  }
  return {
    active,
    description: `servers on CPU ${SERVER_CPU}, autocannon on CPU ${LOAD_CPU} (taskset)`,
    pinServer(pid) {
      if (!taskset(['-a', '-p', '-c', String(SERVER_CPU), String(pid)])) {
        throw new Error(`could not pin server process ${pid} to CPU ${SERVER_CPU}`);
      }
    },
  };
}
