import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * A relative link of a docs page that points nowhere.
 *
 * @example
 * ```ts
 * console.log(`${link.file}: ${link.target} (${link.problem})`);
 * ```
 */
export interface BrokenLink {
  /** The page holding the link. */
  file: string;
  /** The link target as written. */
  target: string;
  /** `missing file` or `missing anchor`. */
  problem: string;
}

/**
 * The anchors GitHub generates for a page's headings: lower case, punctuation dropped, spaces
 * turned into hyphens, `-1`, `-2`... appended to repeats.
 *
 * @param markdown - the page text
 * @returns the set of anchors
 * @example
 * ```ts
 * headingAnchors('## Public routes: `.unless()`'); // Set { 'public-routes-unless' }
 * ```
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = (heading[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^ {0,3}(`{3,}|~{3,})[\s\S]*?^ {0,3}\1[`~]*\s*$/gm, '');
}

/**
 * Checks every relative Markdown link (`[text](path#anchor)`) of the given pages: the file or
 * folder must exist, and an anchor into a Markdown page must match one of its headings. Links in
 * code, absolute URLs and `mailto:` are skipped.
 *
 * @param rootDir - the repository root
 * @param pages - pages relative to `rootDir`
 * @returns the broken links, empty when all resolve
 * @example
 * ```ts
 * expect(findBrokenLinks(rootDir, findPages(rootDir))).toEqual([]);
 * ```
 */
export function findBrokenLinks(rootDir: string, pages: readonly string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of pages) {
    const text = withoutCode(readFileSync(join(rootDir, file), 'utf8')).replace(/`[^`\n]*`/g, '');
    for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const resolved =
        path === '' ? join(rootDir, file) : normalize(join(rootDir, dirname(file), path));
      if (!existsSync(resolved)) {
        broken.push({ file, target, problem: 'missing file' });
      } else if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
        if (!headingAnchors(readFileSync(resolved, 'utf8')).has(anchor))
          broken.push({ file, target, problem: 'missing anchor' });
      }
    }
  }
  return broken;
}
