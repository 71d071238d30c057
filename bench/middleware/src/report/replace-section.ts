/** Start marker of the middleware section in `docs/benchmarks.md`. */
export const SECTION_START = '<!-- bench:middleware:start -->';
/** End marker of the middleware section. */
export const SECTION_END = '<!-- bench:middleware:end -->';

/**
 * Puts a section between its markers in a page, leaving everything else (other benchmarks'
 * sections) untouched. Without markers the section is appended; without a page, one is started.
 *
 * @param page - the current page text, or `undefined` when the file does not exist
 * @param section - the new section text
 * @returns the new page text
 * @example
 * ```ts
 * writeFileSync(path, replaceSection(existsSync(path) ? readFileSync(path, 'utf8') : undefined, text));
 * ```
 */
export function replaceSection(page: string | undefined, section: string): string {
  const block = `${SECTION_START}\n${section.trim()}\n${SECTION_END}`;
  if (page === undefined) return `# Benchmarks\n\n${block}\n`;
  const start = page.indexOf(SECTION_START);
  const end = page.indexOf(SECTION_END);
  if (start >= 0 && end > start)
    return page.slice(0, start) + block + page.slice(end + SECTION_END.length);
  return `${page.replace(/\s*$/, '')}\n\n${block}\n`;
}
