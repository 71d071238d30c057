import { join } from 'node:path';
import { toExecutableModule, typeCheckBlocks, type DocBlock } from '../src/index.js';

const rootDir = join(__dirname, '..', '..', '..');
const block = (code: string, line = 10): DocBlock => ({
  file: 'docs/fake.md',
  line,
  lang: 'ts',
  code,
  mode: 'check',
});

describe('typeCheckBlocks', () => {
  it('accepts a correct block that imports a workspace package and a framework', () => {
    const code =
      "import { JwtError } from '@tokenward/core';\nimport express from 'express';\nconst app = express();\napp.get('/', (_req, res) => { res.json(new JwtError('ERR_JWT_MISSING').status); });";
    expect(typeCheckBlocks(rootDir, [block(code)])).toEqual([]);
  }, 60_000);

  it('reports a missing export and a type error at their page lines', () => {
    const code =
      "import { noSuchExport } from '@tokenward/core';\n\nconst n: number = 'text';\nvoid noSuchExport; void n;";
    const problems = typeCheckBlocks(rootDir, [block(code, 40)]);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['docs/fake.md', 40],
      ['docs/fake.md', 42],
    ]);
    expect(problems[0]?.message).toContain('noSuchExport');
  }, 60_000);

  it('checks each block as its own module (no names leak between blocks)', () => {
    const problems = typeCheckBlocks(rootDir, [
      block('const shared = 1;\nvoid shared;', 1),
      block('void shared;', 20),
    ]);
    expect(problems.map((p) => p.line)).toEqual([20]);
  }, 60_000);
});

describe('toExecutableModule', () => {
  it('moves statements (top-level await included) into the default export', async () => {
    const js = toExecutableModule(
      "import { join } from 'node:path';\nconst out = await Promise.resolve(join('a', 'b'));\n(globalThis as any).__docsOut = out;",
    );
    const module = { exports: {} as { default: () => Promise<void> } };
    new Function('require', 'module', 'exports', js)(require, module, module.exports);
    expect((globalThis as { __docsOut?: string }).__docsOut).toBeUndefined();
    await module.exports.default();
    expect((globalThis as { __docsOut?: string }).__docsOut).toBe(join('a', 'b'));
  });
});
