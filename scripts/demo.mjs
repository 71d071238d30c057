#!/usr/bin/env node
// `pnpm demo [-- --framework express|koa|nestjs] [--no-build]`
// Builds the demo and the chosen example with everything they depend on (turbo, cached), then
// runs the story of a token against the example app. Works on a fresh clone after `pnpm install`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const rootDir = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const at = argv.findIndex((a) => a === '--framework' || a.startsWith('--framework='));
const framework =
  at < 0 ? 'express' : argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
const help = argv.includes('--help') || argv.includes('-h');

if (!help && !argv.includes('--no-build') && ['express', 'koa', 'nestjs'].includes(framework)) {
  console.log(
    `Building @tokenward/demo and examples/${framework} with what they depend on (cached after the first run)…`,
  );
  const turbo = spawnSync(
    'pnpm',
    [
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@tokenward/demo...',
      `--filter=@tokenward/example-${framework}...`,
      '--output-logs=errors-only',
      '--log-order=grouped',
    ],
    {
      cwd: rootDir,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    },
  );
  if (turbo.status !== 0) {
    console.error('demo: the build failed (see above)');
    process.exit(2);
  }
}

const { main } = await import(pathToFileURL(join(rootDir, 'tools/demo/dist/esm/index.js')).href);
process.exitCode = await main(argv, rootDir);
