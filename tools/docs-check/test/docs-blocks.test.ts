import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extractBlocks,
  findPages,
  toExecutableModule,
  TS_LANGS,
  typeCheckBlocks,
  type DocBlock,
} from '../src/index.js';

const rootDir = join(__dirname, '..', '..', '..');
const blocks = findPages(rootDir).flatMap((page) =>
  extractBlocks(readFileSync(join(rootDir, page), 'utf8'), page),
);
const runnable = blocks.filter((b) => b.mode !== 'none');
const executable = runnable.filter((b) => b.mode === 'execute');
const where = (b: DocBlock): string => `${b.file}:${b.line}`;

// The pages this tool guards most closely: each must keep at least one runnable block.
const TEACHING_PAGES = ['README.md', 'docs/getting-started.md', 'docs/how-jwt-works.md'];

async function execute(block: DocBlock): Promise<void> {
  const module = { exports: {} as { default?: () => Promise<void> } };
  // The test file's require resolves like the docs-check package and maps @tokenward/* to src/.
  new Function('require', 'module', 'exports', toExecutableModule(block.code))(
    require,
    module,
    module.exports,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${where(block)} did not finish within 10 s`)),
      10_000,
    );
  });
  try {
    await Promise.race([module.exports.default?.(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('docs code blocks', () => {
  it('marks only TypeScript blocks as runnable', () => {
    const wrong = runnable.filter((b) => !TS_LANGS.includes(b.lang)).map(where);
    expect(wrong).toEqual([]);
  });

  it.each(TEACHING_PAGES)('%s keeps at least one runnable block', (page) => {
    expect(runnable.filter((b) => b.file === page).length).toBeGreaterThan(0);
  });

  it('type-checks every runnable block against the workspace packages', () => {
    const problems = typeCheckBlocks(rootDir, runnable).map(
      (p) => `${p.file}:${p.line}: ${p.message}`,
    );
    expect(problems).toEqual([]);
  }, 180_000);

  const cases = executable.map((b) => [where(b), b] as const);
  (cases.length > 0 ? it.each(cases) : it.skip.each([['(none)', undefined]]))(
    'runs %s to completion',
    async (_where, block) => {
      const logs = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        await execute(block as DocBlock);
      } finally {
        logs.mockRestore();
      }
    },
    20_000,
  );
});
