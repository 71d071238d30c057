import { parseDemoArgs, USAGE } from './args.js';
import { runDemo } from './run-demo.js';
import type { RunningExample } from './server/start-example.js';

/**
 * Runs `pnpm demo` with the given arguments and resolves with the process exit code:
 * 0 when every step got its expected answer, 1 when one did not, 2 on a usage or startup error.
 * SIGINT/SIGTERM stop the app before the process exits.
 *
 * @param argv - the arguments after the script name
 * @param rootDir - the repository root
 * @returns the exit code
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), process.cwd());
 * ```
 */
export async function main(argv: readonly string[], rootDir: string): Promise<number> {
  let args;
  try {
    args = parseDemoArgs(argv);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let server: RunningExample | undefined;
  const interrupt = (signal: NodeJS.Signals): void => {
    console.error(`\n${signal}: stopping the example app`);
    void (server?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const result = await runDemo({
      rootDir,
      framework: args.framework,
      write: (line) => console.log(line),
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
      onStarted: (started) => (server = started),
    });
    return result.ok ? 0 : 1;
  } catch (err) {
    console.error(`demo failed: ${(err as Error).message}`);
    return 2;
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  }
}
