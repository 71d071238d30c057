import { createPrinter } from './print/printer.js';
import { freePort } from './server/free-port.js';
import { startExample, type Framework, type RunningExample } from './server/start-example.js';
import { runStory, type StoryResult } from './story/run-story.js';
import { STORY } from './story/steps.js';
import { createTokenKit, newSecret } from './tokens/token-kit.js';

/**
 * Options of {@link runDemo}.
 *
 * @example
 * ```ts
 * const options: DemoOptions = { rootDir: process.cwd(), framework: 'express', write: console.log };
 * ```
 */
export interface DemoOptions {
  /** The repository root (the folder holding `examples/`). */
  rootDir: string;
  /** Which example app to start. */
  framework: Framework;
  /** Receives each line of the story. */
  write: (line: string) => void;
  /** ANSI colours; default false. */
  color?: boolean;
  /** Called once the app answers, so that a signal handler can stop it. */
  onStarted?: (server: RunningExample) => void;
  /** How long to wait for the app to start; default 30 s. */
  readyTimeoutMs?: number;
}

// The examples' defaults (DESIGN.md §8), passed explicitly so the demo can sign an expired token.
const ISSUER = 'tokenward-example';
const AUDIENCE = 'tokenward-example-api';

/**
 * Starts the example app of a framework with its embedded defaults (a fresh random HS256 secret,
 * the memory revocation store), tells the story of a token against it, and stops it.
 *
 * @param options - see {@link DemoOptions}
 * @returns every step's outcome; `ok` is true when each got its expected answer
 * @example
 * ```ts
 * const result = await runDemo({ rootDir, framework: 'koa', write: (l) => console.log(l) });
 * process.exitCode = result.ok ? 0 : 1;
 * ```
 */
export async function runDemo(options: DemoOptions): Promise<StoryResult> {
  const printer = createPrinter(options.write, options.color ?? false);
  const secret = newSecret();
  const port = await freePort();
  printer.heading(`tokenward demo: the story of a token, told to examples/${options.framework}`);
  const server = await startExample({
    rootDir: options.rootDir,
    framework: options.framework,
    port,
    env: { JWT_SECRET: secret, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE },
    readyTimeoutMs: options.readyTimeoutMs,
  });
  options.onStarted?.(server);
  let result: StoryResult;
  try {
    printer.note(
      `server: ${server.url} (HS256 with a fresh random secret, memory revocation store)`,
    );
    const kit = createTokenKit({ secret, issuer: ISSUER, audience: AUDIENCE });
    result = await runStory(server.url, STORY, kit, printer);
  } finally {
    await server.stop();
  }
  const passed = result.steps.filter((s) => s.ok).length;
  printer.gap();
  printer.verdict(
    result.ok,
    `${passed}/${result.steps.length} steps got the expected answer; server stopped.`,
  );
  for (const failed of result.steps.filter((s) => !s.ok))
    printer.verdict(false, `${failed.title}: ${failed.problem}`);
  return result;
}
