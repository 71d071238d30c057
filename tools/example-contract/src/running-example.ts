/**
 * One started example app, listening on a real port.
 *
 * @example
 * ```ts
 * const app: RunningExample = await serve(createApp(config).callback(), release);
 * await fetch(`${app.baseUrl}/public`);
 * await app.close();
 * ```
 */
export interface RunningExample {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** Stops the server and releases what the app opened (Redis clients, stores). */
  close(): Promise<void>;
}

/**
 * Starts one instance of an example with the given environment variables (DESIGN.md §8:
 * JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE, REDIS_URL). `PORT` is the starter's business: any free
 * port on 127.0.0.1 will do.
 *
 * @example
 * ```ts
 * const start: StartExample = async (env) => {
 *   const { config, close } = configFromEnv(env);
 *   return serve(createApp(config), close);
 * };
 * ```
 */
export type StartExample = (env: Readonly<Record<string, string>>) => Promise<RunningExample>;

/** Where the suites find Redis; CI may point elsewhere with `REDIS_URL`. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
