/**
 * What the test does with a code block, chosen by the HTML comment on the line before its fence:
 * `<!-- runnable -->` → `check` (type-checked), `<!-- runnable: execute -->` → `execute`
 * (type-checked, then run). Unmarked blocks are `none`.
 *
 * @example
 * ```ts
 * const mode: BlockMode = 'check';
 * ```
 */
export type BlockMode = 'none' | 'check' | 'execute';

/**
 * A fenced code block of a Markdown page.
 *
 * @example
 * ```ts
 * const where = `${block.file}:${block.line}`;
 * ```
 */
export interface DocBlock {
  /** The page, relative to the repository root. */
  file: string;
  /** 1-based line of the first code line (the line after the opening fence). */
  line: number;
  /** The info string's first word, lower-cased (`ts`, `sh`, ...); empty when none. */
  lang: string;
  /** The code, without the fences. */
  code: string;
  /** What the docs test does with it. */
  mode: BlockMode;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const MARKER = /^\s*<!--\s*runnable(?:\s*:\s*(execute))?\s*-->\s*$/;

/** The languages whose blocks the docs test can type-check. */
export const TS_LANGS: readonly string[] = ['ts', 'typescript'];

/**
 * Finds every fenced code block of a Markdown page and the marker that precedes it.
 * The marker must be the last non-blank line before the opening fence.
 *
 * @param markdown - the page text
 * @param file - the page path, copied into each block
 * @returns the blocks in page order
 * @example
 * ```ts
 * const blocks = extractBlocks(readFileSync('docs/how-jwt-works.md', 'utf8'), 'docs/how-jwt-works.md');
 * ```
 */
export function extractBlocks(markdown: string, file: string): DocBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  let lastText = '';
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) {
      if ((lines[i] ?? '').trim() !== '') lastText = lines[i] ?? '';
      continue;
    }
    const fence = open[1] ?? '```';
    const marker = MARKER.exec(lastText);
    const start = i + 1;
    let end = start;
    while (end < lines.length && !isClosing(lines[end] ?? '', fence)) end++;
    blocks.push({
      file,
      line: start + 1,
      lang: (open[2] ?? '').toLowerCase(),
      code: lines.slice(start, end).join('\n'),
      mode: marker ? (marker[1] === 'execute' ? 'execute' : 'check') : 'none',
    });
    i = end;
    lastText = '';
  }
  return blocks;
}

function isClosing(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0];
}
