import { FRAMEWORKS, type Framework } from './server/start-example.js';

/**
 * The demo's command line.
 *
 * @example
 * ```ts
 * const args: DemoArgs = { framework: 'express', help: false };
 * ```
 */
export interface DemoArgs {
  /** Which example to run; default `express`. */
  framework: Framework;
  /** `--help` was given. */
  help: boolean;
}

/** The usage text of `pnpm demo`. */
export const USAGE = `usage: pnpm demo [-- --framework express|koa|nestjs]

Builds what it needs, starts the example app of the framework on a free port, and walks a token
through it: login, /me, 403 on /admin, a tampered payload, alg "none", an expired token, logout
and replay, then an admin. Exits 0 when every step got the expected answer.`;

/**
 * Parses `--framework <name>` (or `--framework=<name>`) and `--help`; ignores a bare `--`
 * (pnpm passes it through) and `--no-build` (read by the launcher).
 *
 * @param argv - the arguments after the script name
 * @returns the parsed arguments
 * @throws Error naming the bad argument
 * @example
 * ```ts
 * parseDemoArgs(['--', '--framework', 'koa']); // { framework: 'koa', help: false }
 * ```
 */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const args: DemoArgs = { framework: 'express', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--' || arg === '--no-build') continue;
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    const inline = /^--framework=(.*)$/.exec(arg);
    if (arg !== '--framework' && !inline) throw new Error(`unknown argument "${arg}"\n\n${USAGE}`);
    const value = inline ? inline[1] : argv[++i];
    if (!FRAMEWORKS.includes(value as Framework)) {
      throw new Error(`--framework must be one of ${FRAMEWORKS.join(', ')} (got "${value ?? ''}")`);
    }
    args.framework = value as Framework;
  }
  return args;
}
