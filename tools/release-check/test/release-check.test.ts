// The pure checks of `pnpm release:check`, on the repository's own manifests and READMEs and on
// deliberately broken ones (the tarball-level run is .ci/run's `pnpm release:check`).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkPackedManifest,
  checkRepositoryManifest,
  REPOSITORY_URL,
  withoutSourceCondition,
} from '../src/manifest.mjs';
import { publishedPackages } from '../src/packages.mjs';
import { checkReadmeLinks } from '../src/readme-links.mjs';
import { danglingMapReferences } from '../src/source-maps.mjs';

const rootDir = join(__dirname, '..', '..', '..');
const packages = publishedPackages(rootDir);
const nestjs = packages.find((p) => p.name === '@tokenward/nestjs')!;

test('the five published packages are found, and no private one', () => {
  expect(packages.map((p) => p.name)).toEqual([
    '@tokenward/core',
    '@tokenward/express',
    '@tokenward/koa',
    '@tokenward/nestjs',
    '@tokenward/redis',
  ]);
});

describe.each(packages.map((p) => [p.name, p] as const))('%s', (_name, pkg) => {
  test('package.json is fit to publish', () => {
    expect(checkRepositoryManifest(pkg.manifest, pkg.directory)).toEqual([]);
  });

  test('its README links only to absolute URLs that exist in the repository', () => {
    const readme = readFileSync(join(rootDir, pkg.directory, 'README.md'), 'utf8');
    expect(checkReadmeLinks(readme, rootDir)).toEqual([]);
  });
});

describe('the manifest checks', () => {
  interface Manifest {
    exports: Record<string, { require: { default: string } }>;
    dependencies: Record<string, string>;
    [field: string]: unknown;
  }
  const copy = () => structuredClone(nestjs.manifest) as Manifest;

  test('strip the source condition at every depth', () => {
    expect(
      withoutSourceCondition({
        '.': { '@tokenward/source': './src/index.ts', import: { default: './x.js' } },
      }),
    ).toEqual({ '.': { import: { default: './x.js' } } });
  });

  test('name a subpath without types under node10, a drifting publishConfig and bad metadata', () => {
    const manifest = copy();
    delete manifest.typesVersions;
    manifest.exports['./passport']!.require.default = './dist/cjs/other.js';
    manifest.repository = { type: 'git', url: `git+${REPOSITORY_URL}.git` };
    manifest.sideEffects = true;
    expect(checkRepositoryManifest(manifest, 'packages/nestjs')).toEqual([
      'sideEffects must be false',
      expect.stringContaining('directory: "packages/nestjs"'),
      'typesVersions["*"] has no entry for ./passport (moduleResolution node10)',
      'publishConfig.exports must be exports without the "@tokenward/source" condition',
    ]);
  });

  test('refuse a packed manifest with the source condition or a workspace range', () => {
    const manifest = copy();
    delete manifest.publishConfig;
    manifest.dependencies['@tokenward/core'] = 'workspace:^';
    expect(checkPackedManifest(manifest, 'packages/nestjs')).toEqual([
      'the published exports carry the "@tokenward/source" condition',
      'dependencies.@tokenward/core is workspace:^',
    ]);
    manifest.exports = withoutSourceCondition(manifest.exports) as Manifest['exports'];
    manifest.dependencies['@tokenward/core'] = '^0.1.0';
    expect(checkPackedManifest(manifest, 'packages/nestjs')).toEqual([]);
  });
});

test('README links: relative ones and repository links to missing paths are refused', () => {
  expect(
    checkReadmeLinks(
      [
        '[a](../../docs/core.md) [b](#install) [c](https://nodejs.org/)',
        `[d](${REPOSITORY_URL}/blob/main/docs/no-such-page.md) [e](${REPOSITORY_URL}/tree/main/examples/koa)`,
        '`[f](./in-code.md)`',
      ].join('\n'),
      rootDir,
    ),
  ).toEqual([
    'relative link ../../docs/core.md: use an absolute URL',
    `${REPOSITORY_URL}/blob/main/docs/no-such-page.md names a path that does not exist in the repository`,
  ]);
});

describe('danglingMapReferences', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenward-maps-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.js'), 'exports.x = 1;\n//# sourceMappingURL=index.js.map');
    writeFileSync(
      join(dir, 'dist/index.js.map'),
      JSON.stringify({ version: 3, sources: ['../src/index.ts'] }),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('names a map whose source is not in the package, and a missing map', () => {
    writeFileSync(join(dir, 'dist/index.d.ts'), 'export {};\n//# sourceMappingURL=index.d.ts.map');
    expect(danglingMapReferences(dir).sort()).toEqual([
      'dist/index.d.ts -> index.d.ts.map',
      'dist/index.js.map -> ../src/index.ts',
    ]);
  });

  test('accepts a shipped source, or inline sourcesContent', () => {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/index.ts'), 'export const x = 1;');
    expect(danglingMapReferences(dir)).toEqual([]);
    rmSync(join(dir, 'src'), { recursive: true });
    writeFileSync(
      join(dir, 'dist/index.js.map'),
      JSON.stringify({
        version: 3,
        sources: ['../src/index.ts'],
        sourcesContent: ['export const x = 1;'],
      }),
    );
    expect(danglingMapReferences(dir)).toEqual([]);
  });

  test('refuses a source outside the package', () => {
    writeFileSync(
      join(dir, 'dist/index.js.map'),
      JSON.stringify({ version: 3, sources: ['../../../etc/passwd'] }),
    );
    expect(danglingMapReferences(dir)).toEqual(['dist/index.js.map -> ../../../etc/passwd']);
  });
});
