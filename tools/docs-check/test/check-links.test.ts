import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrokenLinks, findPages, headingAnchors } from '../src/index.js';

const rootDir = join(__dirname, '..', '..', '..');

describe('docs links', () => {
  it('every relative link of the docs points to an existing page and heading', () => {
    expect(findBrokenLinks(rootDir, findPages(rootDir))).toEqual([]);
  });
});

describe('findBrokenLinks', () => {
  it('reports missing files and anchors, and skips URLs and code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-links-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(
      join(dir, 'docs', 'a.md'),
      '# A\n\n## Public routes: `.unless()`\n\n## Repeat\n\n## Repeat\n',
    );
    writeFileSync(
      join(dir, 'docs', 'b.md'),
      [
        '[ok](a.md#public-routes-unless) [ok2](a.md#repeat-1) [self](#b) [web](https://example.com/x.md)',
        '[gone](missing.md) [bad anchor](a.md#nope) `[code](nope.md)`',
        '```md',
        '[in a block](nowhere.md)',
        '```',
        '# B',
      ].join('\n'),
    );
    expect(findBrokenLinks(dir, ['docs/b.md'])).toEqual([
      { file: 'docs/b.md', target: 'missing.md', problem: 'missing file' },
      { file: 'docs/b.md', target: 'a.md#nope', problem: 'missing anchor' },
    ]);
  });

  it('builds GitHub-style anchors', () => {
    expect([
      ...headingAnchors(
        '# Getting started\n## `createVerifier(options)`\n## Migrating from passport-jwt, option by option',
      ),
    ]).toEqual([
      'getting-started',
      'createverifieroptions',
      'migrating-from-passport-jwt-option-by-option',
    ]);
  });
});
