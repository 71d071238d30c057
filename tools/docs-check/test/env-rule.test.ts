import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The environment rule is stated once and identically on every page that configures tokenward
// (issue 14): a change to the rule changes all five pages or fails here.
const rootDir = join(__dirname, '..', '..', '..');
const PAGES = [
  'docs/core.md',
  'docs/express.md',
  'docs/koa.md',
  'docs/nestjs.md',
  'docs/getting-started.md',
];

function rule(page: string): string {
  const text = readFileSync(join(rootDir, page), 'utf8');
  const start = text.indexOf('<!-- env-rule:');
  const end = text.indexOf('<!-- /env-rule -->');
  if (start < 0 || end < start) throw new Error(`${page} does not state the environment rule`);
  return text.slice(start, end);
}

test('the environment rule reads the same on every page', () => {
  const [first, ...others] = PAGES.map(rule);
  expect(first).toMatch(/never a fallback to `JWT_SECRET`/);
  for (const other of others) expect(other).toBe(first);
});
