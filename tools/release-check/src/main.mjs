#!/usr/bin/env node
// `pnpm release:check`: packs every published package as `pnpm publish` would, then checks the
// tarballs: manifest and README links, dangling source maps, attw, publint, and an install smoke
// test in an empty npm project. Needs a build (`pnpm build`). Exit code 1 on any problem.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAttw, runPublint } from './lint.mjs';
import { checkPackedManifest, checkRepositoryManifest } from './manifest.mjs';
import { pack, publishedPackages } from './packages.mjs';
import { checkReadmeLinks } from './readme-links.mjs';
import { smokeTest } from './smoke.mjs';
import { danglingMapReferences } from './source-maps.mjs';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = mkdtempSync(join(tmpdir(), 'tokenward-release-'));
const failures = [];
const report = (name, problems) => {
  for (const problem of problems) failures.push(`${name}: ${problem}`);
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}`);
  for (const problem of problems) console.log(`     ${problem}`);
};

const packed = [];
for (const pkg of publishedPackages(rootDir)) {
  const { tarball, unpacked } = pack(rootDir, pkg, outDir);
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  packed.push({ tarball, manifest });
  console.log(`\n== ${pkg.name} (${tarball})`);
  report('package.json in the repository', checkRepositoryManifest(pkg.manifest, pkg.directory));
  report('package.json in the tarball', checkPackedManifest(manifest, pkg.directory));
  report(
    'README links',
    checkReadmeLinks(readFileSync(join(unpacked, 'README.md'), 'utf8'), rootDir),
  );
  report('source maps and declaration maps', danglingMapReferences(unpacked));
  const attw = runAttw(tarball);
  report('attw (strict)', attw.ok ? [] : [attw.output]);
  report('publint (strict)', await runPublint(tarball));
}

console.log('\n== install smoke test');
report(
  'tarballs installed, required, imported and type-checked',
  smokeTest(packed, (line) => console.log(`     ${line}`)),
);

if (failures.length === 0) rmSync(outDir, { recursive: true, force: true });
console.log(
  `\nrelease check: ${failures.length === 0 ? 'clean' : `${failures.length} problem(s)`}`,
);
process.exit(failures.length === 0 ? 0 : 1);
