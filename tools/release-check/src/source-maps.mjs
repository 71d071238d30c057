// Source maps and declaration maps of an unpacked tarball must point at files it contains.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

function inside(root, path) {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

/**
 * Lists every map entry (`sources` of `.map` files, `sourceMappingURL` comments of `.js` and
 * `.d.ts` files) that points outside the package or at a file it does not contain. A source with
 * inline `sourcesContent` needs no file.
 *
 * @param {string} root - the unpacked package folder (the tarball's `package/`)
 * @returns {string[]} the problems, relative to `root`
 * @example
 * expect(danglingMapReferences('/tmp/x/package')).toEqual([]);
 */
export function danglingMapReferences(root) {
  const problems = [];
  const check = (from, target) => {
    const path = resolve(dirname(from), target);
    if (!inside(root, path) || !existsSync(path)) {
      problems.push(`${relative(root, from)} -> ${target}`);
    }
  };
  for (const file of filesUnder(root)) {
    if (file.endsWith('.map')) {
      const map = JSON.parse(readFileSync(file, 'utf8'));
      (map.sources ?? []).forEach((source, i) => {
        if (typeof map.sourcesContent?.[i] === 'string') return;
        check(file, join(map.sourceRoot ?? '', source));
      });
    } else if (/\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file)) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
      if (url !== undefined && !url.startsWith('data:')) check(file, url);
    }
  }
  return problems;
}
