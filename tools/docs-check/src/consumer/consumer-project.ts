import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The published packages, as a user installs them. */
export const PUBLISHED = ['core', 'express', 'koa', 'nestjs', 'redis'] as const;

/**
 * A throwaway project outside the repository with the published packages installed from their
 * packed tarballs (`node_modules/@tokenward/*`) and the docs' other imports linked from
 * `tools/docs-check/node_modules` (plus `@types/node`).
 *
 * @example
 * ```ts
 * const project = createConsumerProject(rootDir);
 * try { check(project.dir); } finally { project.dispose(); }
 * ```
 */
export interface ConsumerProject {
  /** The project folder: virtual files placed here resolve like a user's code. */
  readonly dir: string;
  /** Removes the folder. */
  dispose(): void;
}

// What issue 15's packing will do at pack time: a user's resolver must never see the private
// condition (TypeScript ignores it unless told, bundlers may not). Once the packed manifest
// already lacks it, this is a no-op.
function withoutSourceCondition(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== '@tokenward/source') out[key] = withoutSourceCondition(inner);
  }
  return out;
}

/**
 * Packs one workspace package with `pnpm pack` (which writes real versions for `workspace:*`)
 * and installs the tarball into `nodeModules/@tokenward/<name>`. The one place to switch to
 * another packing step.
 *
 * @param packageDir - the workspace package
 * @param nodeModules - the consumer's node_modules
 * @param scratch - a folder for the tarball
 */
export function installPacked(packageDir: string, nodeModules: string, scratch: string): void {
  if (newest(join(packageDir, 'src')) > newest(join(packageDir, 'dist'))) {
    throw new Error(
      `${packageDir}: dist/ is missing or older than src/; run \`pnpm build\` first (CI does)`,
    );
  }
  const out = execFileSync('pnpm', ['pack', '--pack-destination', scratch], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  const tarball = out.trim().split('\n').pop() as string;
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
  };
  const target = join(nodeModules, manifest.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
  const packed = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as {
    exports?: unknown;
  };
  packed.exports = withoutSourceCondition(packed.exports);
  writeFileSync(join(target, 'package.json'), JSON.stringify(packed, null, 2));
}

// The latest modification time under a folder (0 when it does not exist).
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function link(from: string, to: string): void {
  if (!existsSync(to)) symlinkSync(from, to, 'dir');
}

/**
 * Builds the consumer project (needs `pnpm build` to have run).
 *
 * @param rootDir - the repository root
 */
export function createConsumerProject(rootDir: string): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'tokenward-consumer-'));
  const nodeModules = join(dir, 'node_modules');
  const scratch = join(dir, '.packs');
  mkdirSync(join(nodeModules, '@types'), { recursive: true });
  mkdirSync(scratch);
  try {
    for (const name of PUBLISHED)
      installPacked(join(rootDir, 'packages', name), nodeModules, scratch);
    const deps = join(rootDir, 'tools', 'docs-check', 'node_modules');
    for (const entry of readdirSync(deps)) {
      if (entry === '@tokenward' || entry.startsWith('.')) continue;
      if (!entry.startsWith('@')) {
        link(join(deps, entry), join(nodeModules, entry));
        continue;
      }
      mkdirSync(join(nodeModules, entry), { recursive: true });
      for (const scoped of readdirSync(join(deps, entry))) {
        link(join(deps, entry, scoped), join(nodeModules, entry, scoped));
      }
    }
    link(join(rootDir, 'node_modules', '@types', 'node'), join(nodeModules, '@types', 'node'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
