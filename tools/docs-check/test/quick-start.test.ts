import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBlocks } from '../src/index.js';

// A token minted with getting started's script must be accepted by the README's quick start:
// both name the same issuer and audience.
const rootDir = join(__dirname, '..', '..', '..');
const runnable = (page: string): string =>
  extractBlocks(readFileSync(join(rootDir, page), 'utf8'), page)
    .filter((b) => b.mode !== 'none')
    .map((b) => b.code)
    .join('\n');
const values = (code: string, option: string): string[] =>
  [...code.matchAll(new RegExp(`${option}: '([^']+)'`, 'g'))].map((m) => m[1] as string);

it.each(['issuer', 'audience'])('README quick start and getting started agree on %s', (option) => {
  const readme = values(runnable('README.md'), option);
  const started = values(runnable('docs/getting-started.md'), option);
  expect(readme.length).toBeGreaterThan(0);
  expect(new Set([...readme, ...started])).toEqual(new Set(readme));
});
