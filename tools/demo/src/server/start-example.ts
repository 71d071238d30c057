import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { send } from '../http/send.js';

/** The frameworks that have an example app. */
export const FRAMEWORKS = ['express', 'koa', 'nestjs'] as const;

/** One of {@link FRAMEWORKS}. */
export type Framework = (typeof FRAMEWORKS)[number];

/**
 * How to start an example app.
 *
 * @example
 * ```ts
 * const options: StartOptions = { rootDir: process.cwd(), framework: 'koa', port: 3001, env: {} };
 * ```
 */
export interface StartOptions {
  /** The repository root (the folder holding `examples/`). */
  rootDir: string;
  /** Which example to start. */
  framework: Framework;
  /** The port to listen on, passed as `PORT`. */
  port: number;
  /** Extra environment variables for the app (`JWT_SECRET`, ...). */
  env: Record<string, string>;
  /** How long to wait for the app to answer `GET /public`; default 30 s. */
  readyTimeoutMs?: number;
}

/**
 * A started example app.
 *
 * @example
 * ```ts
 * const server = await startExample(options);
 * try { ... } finally { await server.stop(); }
 * ```
 */
export interface RunningExample {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything the app wrote to stdout and stderr so far. */
  output(): string;
  /** Stops the app and every process it started; resolves once they are gone. Idempotent. */
  stop(): Promise<void>;
}

// Variables of the shell that would change what the example does: the demo wants its defaults.
const CLEARED = [
  'REDIS_URL',
  'JWT_PUBLIC_KEY',
  'JWT_JWKS_URI',
  'JWT_ALGORITHMS',
  'JWT_CLOCK_TOLERANCE',
];

/**
 * Starts `examples/<framework>` through its `start` script (the built app) in its own process
 * group, and resolves when it answers `GET /public` with 200.
 *
 * @param options - see {@link StartOptions}
 * @returns the running app; call `stop()` in every case
 * @example
 * ```ts
 * const server = await startExample({ rootDir, framework: 'express', port, env: { JWT_SECRET } });
 * ```
 */
export async function startExample(options: StartOptions): Promise<RunningExample> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(options.port) };
  for (const name of CLEARED) delete env[name];
  const child = spawn('pnpm', ['--silent', 'run', 'start'], {
    cwd: join(options.rootDir, 'examples', options.framework),
    env,
    detached: true, // own process group: stop() ends pnpm, the shell and node together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = stopper(child, exited);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 30_000);
  } catch (err) {
    await stop();
    const detail =
      output.trim() === '' ? '' : `\n--- ${options.framework} example output ---\n${output.trim()}`;
    throw new Error(`${(err as Error).message}${detail}`);
  }
  return { url, output: () => output, stop };
}

function stopper(child: ChildProcess, exited: Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const signal = (name: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  // Last resort if the demo itself exits without awaiting stop().
  const onExit = (): void => signal('SIGKILL');
  process.once('exit', onExit);
  return () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      signal('SIGKILL'); // grand-children that ignored SIGTERM
      process.removeListener('exit', onExit);
    })();
    return stopping;
  };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failedToStart: Error | undefined;
  child.once('error', (err) => (failedToStart = err));
  while (Date.now() < deadline) {
    if (failedToStart) throw new Error(`could not run the example: ${failedToStart.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the example app exited before answering (exit code ${child.exitCode ?? child.signalCode})`,
      );
    }
    try {
      const answer = await send(url, { method: 'GET', path: '/public' }, 1000);
      if (answer.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(
    `the example app did not answer GET /public within ${Math.round(timeoutMs / 1000)} s`,
  );
}
