import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const pkgDir = join(__dirname, '..');

// Imports the *built* package through its exports map, once as ESM and once as CJS, in a plain
// Node process (no Jest, no source condition), as a user's app would.
function runNode(source: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: pkgDir,
    encoding: 'utf8',
  }).trim();
}

beforeAll(() => {
  if (
    !existsSync(join(pkgDir, 'dist/cjs/index.js')) ||
    !existsSync(join(pkgDir, 'dist/esm/index.js'))
  ) {
    execFileSync(process.execPath, [join(pkgDir, '../../scripts/build-package.mjs')], {
      cwd: pkgDir,
    });
  }
}, 120_000);

describe('built package, ESM and CJS', () => {
  it('resolves import to dist/esm and require to dist/cjs', () => {
    const out = runNode(`
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/package.json');
      console.log(import.meta.resolve('@tokenward/core').replace(/^.*\\/dist\\//, ''));
      console.log(require.resolve('@tokenward/core').replace(/^.*\\/dist\\//, ''));
    `);
    expect(out.split('\n')).toEqual(['esm/index.js', 'cjs/index.js']);
  });

  it('keeps instanceof JwtError across both formats, and both export the same names', () => {
    const out = runNode(`
      import { createRequire } from 'node:module';
      import * as esm from '@tokenward/core';
      const cjs = createRequire(process.cwd() + '/package.json')('@tokenward/core');
      const fromEsm = new esm.JwtError('ERR_JWT_EXPIRED');
      const fromCjs = new cjs.JwtError('ERR_JWT_EXPIRED');
      console.log(JSON.stringify({
        distinctClasses: esm.JwtError !== cjs.JwtError,
        esmInCjs: fromEsm instanceof cjs.JwtError,
        cjsInEsm: fromCjs instanceof esm.JwtError,
        plainError: new Error('x') instanceof esm.JwtError,
        status: fromCjs.status,
        sameNames: JSON.stringify(Object.keys(esm).sort()) === JSON.stringify(Object.keys(cjs).filter(k => k !== '__esModule' && k !== 'default').sort()),
      }));
    `);
    expect(JSON.parse(out)).toEqual({
      distinctClasses: true,
      esmInCjs: true,
      cjsInEsm: true,
      plainError: false,
      status: 401,
      sameNames: true,
    });
  });
});
