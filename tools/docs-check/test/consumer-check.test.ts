import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBlocks, findPages } from '../src/index.js';
import { createConsumerProject, type ConsumerProject } from '../src/consumer/consumer-project.js';
import { CONSUMER_VARIANTS } from '../src/consumer/consumer-variants.js';
import { checkBlocksIn } from '../src/type-check-blocks.js';

// Every runnable docs block compiles in a user's project: the packed packages (built dist, no
// `@tokenward/source` condition) under nodenext ESM, nodenext CommonJS and a bundler, with
// `exactOptionalPropertyTypes`. Needs `pnpm build` first, as CI does.
const rootDir = join(__dirname, '..', '..', '..');
const blocks = findPages(rootDir)
  .flatMap((page) => extractBlocks(readFileSync(join(rootDir, page), 'utf8'), page))
  .filter((b) => b.mode !== 'none');

// Pages whose blocks a user pastes into a fresh project, often CommonJS: no top-level `await`.
// Elsewhere a block may use it (TS1309 in CommonJS): such a block reads as an ES module script.
const SCRIPT_PAGES = ['README.md', 'docs/getting-started.md'];
const TOP_LEVEL_AWAIT_IN_CJS = 1309;

let project: ConsumerProject;
beforeAll(() => {
  project = createConsumerProject(rootDir);
}, 180_000);
afterAll(() => project?.dispose());

it.each(Object.entries(CONSUMER_VARIANTS))(
  'every runnable block compiles against the packed packages (%s)',
  (name, settings) => {
    const problems = checkBlocksIn(project.dir, blocks, settings)
      .filter(
        (p) =>
          !(
            name === 'nodenext CommonJS' &&
            p.code === TOP_LEVEL_AWAIT_IN_CJS &&
            !SCRIPT_PAGES.includes(p.file)
          ),
      )
      .map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([]);
  },
  180_000,
);

it('the packed packages carry no @tokenward/source condition', () => {
  for (const name of ['core', 'express', 'koa', 'nestjs', 'redis']) {
    const manifest = readFileSync(
      join(project.dir, 'node_modules', '@tokenward', name, 'package.json'),
      'utf8',
    );
    expect(manifest).not.toContain('@tokenward/source');
  }
});
