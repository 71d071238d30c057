import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  FRAMEWORKS,
  parseDemoArgs,
  runDemo,
  runStory,
  startExample,
  STORY,
  type RunningExample,
} from '../src/index.js';
import { createPrinter } from '../src/print/printer.js';
import { freePort } from '../src/server/free-port.js';

const rootDir = join(__dirname, '..', '..', '..');
const EXPECTED_STATUSES = [200, 401, 200, 200, 403, 401, 401, 401, 204, 401, 200, 200];

async function isDown(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/public`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

// The examples run from their build, as `pnpm demo` runs them: build once (turbo caches it).
beforeAll(() => {
  const filters = ['@tokenward/demo...', ...FRAMEWORKS.map((f) => `@tokenward/example-${f}...`)];
  execFileSync(
    'pnpm',
    [
      'exec',
      'turbo',
      'run',
      'build',
      ...filters.map((f) => `--filter=${f}`),
      '--output-logs=errors-only',
    ],
    {
      cwd: rootDir,
      stdio: 'pipe',
      timeout: 300_000,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
}, 310_000);

describe.each(FRAMEWORKS)('the demo against examples/%s', (framework) => {
  it('gets every expected answer, shows the decoded payload, and stops the server', async () => {
    const lines: string[] = [];
    let server: RunningExample | undefined;
    const result = await runDemo({
      rootDir,
      framework,
      write: (line) => lines.push(line),
      onStarted: (s) => (server = s),
    });
    expect(result.steps.filter((s) => !s.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.status)).toEqual(EXPECTED_STATUSES);
    expect(result.steps.map((s) => s.code).filter(Boolean)).toEqual([
      'ERR_JWT_INSUFFICIENT_SCOPE',
      'ERR_JWT_SIGNATURE_INVALID',
      'ERR_JWT_ALG_NOT_ALLOWED',
      'ERR_JWT_EXPIRED',
      'ERR_JWT_REVOKED',
    ]);
    const text = lines.join('\n');
    expect(text).toMatch(/payload\s+\{"iss":"tokenward-example".*"sub":"bob"/);
    expect(text).toContain(`12/12 steps got the expected answer`);
    expect(server).toBeDefined();
    expect(await isDown(server!.url)).toBe(true);
  }, 90_000);
});

describe('when an answer is not the expected one', () => {
  it('reports the step as failed and the story as not ok', async () => {
    const server = await startExample({
      rootDir,
      framework: 'express',
      port: await freePort(),
      env: {},
    });
    try {
      const wrong = { ...STORY[0]!, expect: { status: 204 } };
      const lines: string[] = [];
      const kit = { decode: () => ({ header: {}, payload: {} }), signExpired: () => 'x' };
      const result = await runStory(
        server.url,
        [wrong, STORY[3]!],
        kit,
        createPrinter((l) => lines.push(l), false),
      );
      expect(result.ok).toBe(false);
      expect(result.steps).toEqual([
        expect.objectContaining({ ok: false, status: 200, problem: 'expected 204' }),
        expect.objectContaining({ ok: false, problem: expect.stringContaining('skipped') }),
      ]);
      expect(lines.join('\n')).toContain('✘ expected 204');
    } finally {
      await server.stop();
    }
    expect(await isDown(server.url)).toBe(true);
  }, 60_000);

  it('fails with the app output when the app cannot start', async () => {
    // A secret shorter than 32 bytes: the app refuses to start, as it should.
    const env = { JWT_SECRET: 'too-short' };
    const start = startExample({
      rootDir,
      framework: 'express',
      port: await freePort(),
      env,
      readyTimeoutMs: 20_000,
    });
    await expect(start).rejects.toThrow(/exited before answering[\s\S]*example output/);
  }, 30_000);
});

describe('pnpm demo (the launcher)', () => {
  it('exits 0 after a full run, and non-zero on a bad argument', () => {
    const run = (...args: string[]) =>
      spawnSyncNode([join(rootDir, 'scripts', 'demo.mjs'), '--no-build', ...args]);
    const ok = run('--', '--framework', 'koa');
    expect(ok.stdout).toContain('12/12 steps got the expected answer');
    expect(ok.status).toBe(0);
    const bad = run('--framework', 'hapi');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--framework must be one of express, koa, nestjs');
  }, 90_000);

  it('stops the app on SIGINT', async () => {
    const child = spawn(process.execPath, [join(rootDir, 'scripts', 'demo.mjs'), '--no-build'], {
      stdio: 'pipe',
    });
    let out = '';
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /server: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    expect(await isDown(url)).toBe(true);
  }, 60_000);
});

function spawnSyncNode(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, {
    cwd: rootDir,
    encoding: 'utf8',
    timeout: 80_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('parseDemoArgs', () => {
  it('reads --framework in both forms and ignores the bare -- pnpm passes', () => {
    expect(parseDemoArgs([])).toEqual({ framework: 'express', help: false });
    expect(parseDemoArgs(['--', '--framework', 'nestjs'])).toEqual({
      framework: 'nestjs',
      help: false,
    });
    expect(parseDemoArgs(['--framework=koa', '--no-build'])).toEqual({
      framework: 'koa',
      help: false,
    });
    expect(() => parseDemoArgs(['--port', '3'])).toThrow('unknown argument "--port"');
  });
});
