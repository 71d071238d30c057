// Installs the tarballs into an empty npm project, as a user would, then loads every entry point
// with require() and import(), and type-checks a consumer under each module resolution mode.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** TypeScript versions a consumer may compile with: the lowest supported and the current one. */
export const TYPESCRIPT_VERSIONS = ['5.8', '6.0'];

/** Type packages a consumer of the adapters has anyway. */
const CONSUMER_TYPES = ['@types/node@20', '@types/express@5', '@types/koa@3'];

// `commonjs` without moduleResolution: node10 resolution, the default of many Nest projects.
const MODES = {
  commonjs: { module: 'commonjs' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
};

function entrySpecifiers(packed) {
  return packed.flatMap(({ manifest }) =>
    Object.keys(manifest.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)),
  );
}

function peerSpecs(packed) {
  const peers = new Map();
  for (const { manifest } of packed) {
    for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
      peers.set(name, `${name}@${range}`);
    }
  }
  return [...peers.values()];
}

const npm = (dir, args) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });

const LOAD_CJS = `const specifiers = JSON.parse(process.argv[2]);
const keys = {};
for (const s of specifiers) {
  const m = require(s);
  if (Object.keys(m).length === 0) throw new Error(s + ': require() gave no exports');
  keys[s] = Object.keys(m).sort();
}
console.log(JSON.stringify(keys));
`;

const LOAD_ESM = `const specifiers = JSON.parse(process.argv[2]);
const keys = {};
for (const s of specifiers) {
  const m = await import(s);
  keys[s] = Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort();
  if (keys[s].length === 0) throw new Error(s + ': import() gave no exports');
}
console.log(JSON.stringify(keys));
`;

function consumer(specifiers) {
  return specifiers
    .map(
      (s, i) =>
        `import * as m${i} from '${s}';\nexport const n${i}: number = Object.keys(m${i}).length;\n`,
    )
    .join('');
}

// Our declarations are checked (skipLibCheck off), but an error inside a third-party declaration
// (e.g. @types/koa against a newer content-disposition) is not ours to report.
function typeCheck(dir, version, mode) {
  const tsc = join(dir, 'node_modules', `ts${version.replace('.', '')}`, 'bin', 'tsc');
  const files = mode === 'nodenext' ? ['consumer.mts', 'consumer.cts'] : ['consumer.ts'];
  const compilerOptions = {
    ...MODES[mode],
    target: 'es2022',
    strict: true,
    noEmit: true,
    types: ['node'],
  };
  writeFileSync(join(dir, `tsconfig.${mode}.json`), JSON.stringify({ compilerOptions, files }));
  try {
    execFileSync(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`, '--pretty', 'false'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return [];
  } catch (err) {
    const lines = String(err.stdout || err.message)
      .split('\n')
      .filter((l) => /error TS\d+/.test(l));
    const ours = lines.filter(
      (l) => !l.startsWith('node_modules/') || l.startsWith('node_modules/@tokenward/'),
    );
    return lines.length === 0 ? [String(err.stdout || err.message)] : ours;
  }
}

/**
 * Installs the tarballs (and their peers from the registry) into a new npm project, requires and
 * imports every entry point (the CJS and ESM builds must export the same names), and type-checks
 * one consumer file per module resolution mode with each of {@link TYPESCRIPT_VERSIONS}.
 *
 * @param {{ tarball: string, manifest: Record<string, any> }[]} packed - the packed packages
 * @param {(line: string) => void} log - progress output
 * @returns {string[]} the problems, empty when every entry loads and type-checks
 * @example
 * const problems = smokeTest(packed, console.log);
 */
export function smokeTest(packed, log) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenward-smoke-'));
  log(`smoke project: ${dir}`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
  const typescripts = TYPESCRIPT_VERSIONS.map(
    (v) => `ts${v.replace('.', '')}@npm:typescript@~${v}.0`,
  );
  npm(dir, [
    'install',
    ...packed.map((p) => p.tarball),
    ...peerSpecs(packed),
    ...CONSUMER_TYPES,
    ...typescripts,
  ]);
  const specifiers = entrySpecifiers(packed);
  const problems = [];
  const run = (file, source) => {
    writeFileSync(join(dir, file), source);
    try {
      return JSON.parse(
        execFileSync(process.execPath, [file, JSON.stringify(specifiers)], {
          cwd: dir,
          encoding: 'utf8',
        }),
      );
    } catch (err) {
      problems.push(`${file}: ${err.stderr || err.message}`);
      return undefined;
    }
  };
  const cjs = run('load.cjs', LOAD_CJS);
  const esm = run('load.mjs', LOAD_ESM);
  if (cjs && esm) {
    for (const s of specifiers) {
      if (JSON.stringify(cjs[s]) !== JSON.stringify(esm[s]))
        problems.push(`${s}: require() and import() export different names`);
      else log(`${s}: require() and import() give the same ${cjs[s].length} exports`);
    }
  }
  for (const ext of ['ts', 'mts', 'cts'])
    writeFileSync(join(dir, `consumer.${ext}`), consumer(specifiers));
  for (const version of TYPESCRIPT_VERSIONS) {
    for (const mode of Object.keys(MODES)) {
      const errors = typeCheck(dir, version, mode);
      if (errors.length === 0) log(`TypeScript ${version}, ${mode}: every entry point type-checks`);
      else problems.push(`TypeScript ${version}, ${mode}:\n${errors.join('\n')}`);
    }
  }
  if (problems.length === 0) rmSync(dir, { recursive: true, force: true });
  return problems;
}
