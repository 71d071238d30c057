// A package README is shown on the registry page, where relative links lead nowhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_URL } from './manifest.mjs';

function withoutCode(markdown) {
  return markdown
    .replace(/^ {0,3}(`{3,}|~{3,})[\s\S]*?^ {0,3}\1[`~]*\s*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
}

/**
 * Checks the Markdown links of a package README: none may be relative (the registry page would
 * break them), and every link into this repository (`REPOSITORY_URL/blob/main/<path>` or
 * `/tree/main/<path>`) must name a file or folder that exists.
 *
 * @param {string} markdown - the README text
 * @param {string} rootDir - the repository root
 * @returns {string[]} the problems
 * @example
 * checkReadmeLinks(readFileSync('packages/core/README.md', 'utf8'), rootDir);
 */
export function checkReadmeLinks(markdown, rootDir) {
  const problems = [];
  const repoLink = new RegExp(
    `^${REPOSITORY_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:blob|tree)/main/([^#?]+)`,
  );
  for (const match of withoutCode(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1] ?? '';
    if (target.startsWith('#')) continue;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      problems.push(`relative link ${target}: use an absolute URL`);
      continue;
    }
    const path = repoLink.exec(target)?.[1];
    if (path !== undefined && !existsSync(join(rootDir, decodeURIComponent(path)))) {
      problems.push(`${target} names a path that does not exist in the repository`);
    }
  }
  return problems;
}
