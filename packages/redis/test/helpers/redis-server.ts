// A throwaway redis-server on a free port, that tests kill and restart (same port, same files).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Bounded wait for the server to answer PING on a raw socket.
async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A redis-server child process the test controls. */
export interface TestRedisServer {
  readonly port: number;
  readonly url: string;
  /** The running server's pid (for SIGSTOP/SIGCONT), or undefined when it is down. */
  readonly pid: number | undefined;
  /** SIGKILL the server and wait for it to exit. */
  kill(): Promise<void>;
  /** Start it again on the same port and directory (loading dump.rdb if a SAVE wrote one). */
  start(): Promise<void>;
  /** Start it unless it is running. */
  ensureRunning(): Promise<void>;
  /** Kill it and remove its directory. */
  dispose(): Promise<void>;
}

/**
 * Starts `redis-server --port N --save '' --appendonly no` on a free port in a temporary
 * directory and waits (at most 5 s) until it answers.
 *
 * @param extraArgs - more redis-server arguments, e.g. `['--cluster-enabled', 'yes']`
 */
export async function startRedisServer(extraArgs: string[] = []): Promise<TestRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tokenward-redis-test-'));
  let child: ChildProcess | undefined;
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  const start = async (): Promise<void> => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        ...extraArgs,
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i += 1) {
      if (await answers(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    kill,
    start,
    ensureRunning: async () => {
      if (child === undefined || child.exitCode !== null) await start();
    },
    dispose: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
