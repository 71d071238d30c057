import type { DemoAnswer, DemoRequest } from '../http/send.js';

/**
 * Writes the story on screen: requests, answers, verdicts, notes.
 *
 * @example
 * ```ts
 * const printer = createPrinter((line) => process.stdout.write(line + '\n'), true);
 * printer.step(1, 'Bob logs in');
 * ```
 */
export interface Printer {
  /** A heading line. */
  heading(text: string): void;
  /** A numbered step title. */
  step(index: number, title: string): void;
  /** An explanatory sentence (dimmed). */
  note(text: string): void;
  /** A labelled JSON value, e.g. a decoded payload. */
  value(label: string, value: unknown): void;
  /** The request being sent. */
  request(request: DemoRequest): void;
  /** The answer received. */
  answer(answer: DemoAnswer): void;
  /** Whether the step got what it expected. */
  verdict(ok: boolean, text: string): void;
  /** A blank line. */
  gap(): void;
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  cyan: [36, 39],
  yellow: [33, 39],
};
type Style = keyof typeof CODES;

/**
 * Shortens a token for display: its start and end, and its length.
 *
 * @param token - a JWT
 * @returns e.g. `eyJhbGciOiJIUzI1NiIsInR5…Xw8 (212 chars)`
 * @example
 * ```ts
 * shortToken(token);
 * ```
 */
export function shortToken(token: string): string {
  if (token.length <= 40) return token;
  return `${token.slice(0, 24)}…${token.slice(-6)} (${token.length} chars)`;
}

// Long tokens inside bodies are shortened so that each answer fits on a line or two.
function compact(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    typeof v === 'string' && (key === 'access_token' || /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(v))
      ? shortToken(v)
      : v,
  );
}

/**
 * Creates a {@link Printer}.
 *
 * @param write - receives each line (without a newline)
 * @param color - use ANSI colours
 * @returns the printer
 * @example
 * ```ts
 * const lines: string[] = [];
 * const printer = createPrinter((line) => lines.push(line), false);
 * ```
 */
export function createPrinter(write: (line: string) => void, color: boolean): Printer {
  const paint = (style: Style, text: string): string =>
    color ? `\x1b[${CODES[style][0]}m${text}\x1b[${CODES[style][1]}m` : text;
  return {
    heading: (text) => write(paint('bold', text)),
    step: (index, title) => {
      write('');
      write(paint('bold', `${String(index).padStart(2)}. ${title}`));
    },
    note: (text) => write(`    ${paint('dim', text)}`),
    value: (label, value) => write(`      ${paint('yellow', label.padEnd(8))}${compact(value)}`),
    request: (request) => {
      const auth =
        request.token === undefined ? '' : `  Authorization: Bearer ${shortToken(request.token)}`;
      const body = request.json === undefined ? '' : `  ${compact(request.json)}`;
      write(`    ${paint('cyan', '→')} ${request.method} ${request.path}${auth}${body}`);
    },
    answer: (answer) => {
      write(`    ${paint('cyan', '←')} ${answer.status} ${answer.statusText}`);
      const challenge = answer.headers['www-authenticate'];
      if (challenge !== undefined) write(`      WWW-Authenticate: ${challenge}`);
      if (answer.body !== undefined) write(`      ${compact(answer.body)}`);
    },
    verdict: (ok, text) => write(`    ${ok ? paint('green', '✔') : paint('red', '✘')} ${text}`),
    gap: () => write(''),
  };
}
