import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_MEANINGS, httpAnswer, JwtError, type JwtErrorCode } from '@tokenward/core';

// docs/errors.md carries the code → status → header table; this test rebuilds it from
// ERROR_MEANINGS and httpAnswer, so the page cannot drift from the code.
const page = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');
const codes = Object.keys(ERROR_MEANINGS) as JwtErrorCode[];

function expectedRows(): string[][] {
  return codes.map((code) => {
    const scope = code === 'ERR_JWT_INSUFFICIENT_SCOPE' ? ['read:orders'] : undefined;
    const answer = httpAnswer(new JwtError(code, undefined, { scope }), 'api');
    const challenge = answer.headers['WWW-Authenticate'];
    return [
      `\`${code}\``,
      String(answer.status),
      `\`${answer.body.error}\``,
      challenge === undefined ? '—' : `\`${challenge}\``,
      answer.headers['Retry-After'] === undefined ? '—' : 'yes',
      ERROR_MEANINGS[code].description,
    ];
  });
}

function tableRows(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

function between(start: string, end: string): string {
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  expect(from).toBeGreaterThan(-1);
  expect(to).toBeGreaterThan(from);
  return page.slice(from + start.length, to);
}

describe('docs/errors.md', () => {
  it('holds the code → status → header table exactly as the code answers', () => {
    const rows = tableRows(between('<!-- error-table:start -->', '<!-- error-table:end -->'));
    const expected = expectedRows();
    if (JSON.stringify(rows) !== JSON.stringify(expected)) {
      // The table to paste, when a code changes on purpose.
      console.log(expected.map((r) => `| ${r.join(' | ')} |`).join('\n'));
    }
    expect(rows).toEqual(expected);
  });

  it('explains when every code happens, and names no code that does not exist', () => {
    const when = between('<!-- error-when:start -->', '<!-- error-when:end -->');
    for (const code of codes) expect(when).toContain(`\`${code}\``);
    const named = new Set(page.match(/\bERR_[A-Z_]+\b/g) ?? []);
    expect([...named].filter((c) => !(c in ERROR_MEANINGS))).toEqual([]);
  });
});
