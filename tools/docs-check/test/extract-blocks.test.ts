import { extractBlocks } from '../src/index.js';

const page = [
  '# Title',
  '',
  '<!-- runnable -->',
  '```ts',
  'const a: number = 1;',
  '```',
  '',
  '<!-- runnable: execute -->',
  '',
  '```typescript',
  'await Promise.resolve();',
  '```',
  '',
  'Text between.',
  '```ts',
  'fragment(app);',
  '```',
  '',
  '<!-- runnable -->',
  'Text in between cancels the marker.',
  '~~~~sh',
  '```ts',
  'not a block inside a block',
  '```',
  '~~~~',
].join('\n');

describe('extractBlocks', () => {
  const blocks = extractBlocks(page, 'docs/x.md');

  it('finds every fenced block, with nested fences kept inside', () => {
    expect(blocks.map((b) => b.lang)).toEqual(['ts', 'typescript', 'ts', 'sh']);
    expect(blocks[3]?.code).toBe('```ts\nnot a block inside a block\n```');
  });

  it('reads the marker on the last non-blank line before the fence', () => {
    expect(blocks.map((b) => b.mode)).toEqual(['check', 'execute', 'none', 'none']);
  });

  it('reports the page line of the first code line', () => {
    expect(blocks.map((b) => b.line)).toEqual([5, 11, 16, 22]);
    expect(blocks[0]).toMatchObject({ file: 'docs/x.md', code: 'const a: number = 1;' });
  });
});
