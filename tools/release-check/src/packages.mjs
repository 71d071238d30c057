// The published packages of the workspace, packed the way `pnpm publish` packs them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} PublishedPackage
 * @property {string} name - the package name
 * @property {string} directory - its folder relative to the repository root
 * @property {Record<string, any>} manifest - its package.json as in the repository
 */

/**
 * The non-private packages under `packages/`.
 *
 * @param {string} rootDir - the repository root
 * @returns {PublishedPackage[]} in folder order
 * @example
 * publishedPackages(rootDir).map((p) => p.name); // ['@tokenward/core', ...]
 */
export function publishedPackages(rootDir) {
  return readdirSync(join(rootDir, 'packages'))
    .map((name) => join('packages', name))
    .filter((directory) => existsSync(join(rootDir, directory, 'package.json')))
    .map((directory) => ({
      directory,
      manifest: JSON.parse(readFileSync(join(rootDir, directory, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ directory, manifest }) => ({ name: manifest.name, directory, manifest }));
}

/**
 * Packs one package with `pnpm pack` (which applies `publishConfig` and replaces `workspace:`
 * ranges) and unpacks the tarball beside it.
 *
 * @param {string} rootDir - the repository root
 * @param {PublishedPackage} pkg - the package
 * @param {string} outDir - where the tarball and its `<name>/package/` folder go
 * @returns {{ tarball: string, unpacked: string }} the tarball path and the unpacked `package/`
 * @example
 * const { tarball } = pack(rootDir, pkg, tmp);
 */
export function pack(rootDir, pkg, outDir) {
  const output = execFileSync('pnpm', ['pack', '--json', '--pack-destination', outDir], {
    cwd: join(rootDir, pkg.directory),
    encoding: 'utf8',
  });
  const tarball = JSON.parse(output).filename;
  const into = join(outDir, pkg.name.replace('/', '-'));
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', into]);
  return { tarball, unpacked: join(into, 'package') };
}
