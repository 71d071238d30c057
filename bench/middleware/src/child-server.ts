import { fork, type ChildProcess } from 'node:child_process';
import { MATERIAL_ENV, type Material } from './material.js';

/**
 * A scenario's server, running in its own Node process.
 *
 * @example
 * ```ts
 * const server = await startChild(entry, 'koa-bare', material);
 * await server.stop();
 * ```
 */
export interface ChildServer {
  /** e.g. `http://127.0.0.1:40123/` */
  url: string;
  /** The server's process id. */
  pid: number;
  /** The server process's CPU time so far (user + system), microseconds. */
  cpuMicros(): Promise<number>;
  /** The server process's monotonic clock (that of V8's CPU profile timestamps), microseconds. */
  clockMicros(): Promise<number>;
  /** Ends the process and waits for it. */
  stop(): Promise<void>;
}

/**
 * Forks `server-main.js` for one scenario and resolves with its URL once it listens.
 *
 * @param entry - path of the compiled `server-main.js`
 * @param scenarioId - the scenario to start
 * @param material - keys and URLs for the verifiers
 * @param execArgv - Node options for the child (e.g. `--cpu-prof`)
 * @returns the running server
 * @example
 * ```ts
 * const server = await startChild(join(dist, 'server-main.js'), 'express-bare', material);
 * ```
 */
export function startChild(
  entry: string,
  scenarioId: string,
  material: Material,
  execArgv: readonly string[] = [],
): Promise<ChildServer> {
  const child: ChildProcess = fork(entry, [scenarioId], {
    execArgv: [...execArgv],
    env: { ...process.env, NODE_ENV: 'production', [MATERIAL_ENV]: JSON.stringify(material) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${scenarioId}: the server did not start within 30 s`));
    }, 30_000);
    child.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${message.port}/`,
        pid: child.pid as number,
        stop,
        cpuMicros: () => ask(child, 'cpu', 'cpuMicros'),
        clockMicros: () => ask(child, 'clock', 'clockMicros'),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${scenarioId}: the server exited early (code ${code})`));
    });
  });
}

function ask(child: ChildProcess, question: string, answer: string): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: Record<string, unknown>): void => {
      const value = message[answer];
      if (typeof value !== 'number') return;
      child.off('message', onMessage);
      resolve(value);
    };
    child.on('message', onMessage);
    child.send(question);
  });
}
