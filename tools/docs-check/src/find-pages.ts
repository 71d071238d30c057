import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
}

/**
 * The Markdown pages whose code blocks the docs test reads: `README.md`, `SECURITY.md`,
 * `docs/**\/*.md`, and the README of every package and example.
 *
 * @param rootDir - the repository root
 * @returns paths relative to `rootDir`, sorted
 * @example
 * ```ts
 * const pages = findPages(process.cwd()); // ['README.md', 'docs/README.md', ...]
 * ```
 */
export function findPages(rootDir: string): string[] {
  const pages: string[] = [];
  for (const top of ['README.md', 'SECURITY.md']) {
    if (existsSync(join(rootDir, top))) pages.push(join(rootDir, top));
  }
  if (existsSync(join(rootDir, 'docs'))) walk(join(rootDir, 'docs'), pages);
  for (const group of ['packages', 'examples']) {
    const dir = join(rootDir, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const readme = join(dir, name, 'README.md');
      if (existsSync(readme)) pages.push(readme);
    }
  }
  return pages.map((p) => relative(rootDir, p)).sort();
}
