#!/usr/bin/env node
// Compiles bench/middleware/src to dist/ as ES modules (tsc keeps the decorator metadata Nest needs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(join(here, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
mkdirSync(join(here, 'dist'), { recursive: true });
writeFileSync(join(here, 'dist', 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
