import { dpopContract } from './contract/dpop.js';
import { environmentContract } from './contract/environment.js';
import { loginContract } from './contract/login.js';
import { logoutContract } from './contract/logout.js';
import { routesContract } from './contract/routes.js';
import { TEST_REDIS_URL, type RunningExample, type StartExample } from './running-example.js';

/** The revocation stores every route walk runs on: memory (REDIS_URL unset) and Redis. */
const STORES: ReadonlyArray<readonly [string, Record<string, string>]> = [
  ['memory store', {}],
  ['Redis store', { REDIS_URL: TEST_REDIS_URL }],
];

/**
 * Registers the whole HTTP contract of DESIGN.md §8 as Jest suites for one example: every route
 * on each revocation store, then the environment variables. Call it at the top of a test file.
 *
 * @param name - the example, e.g. `examples/koa` (prefixes the suite names)
 * @param start - starts one instance with the given environment variables
 * @example
 * ```ts
 * describeExampleContract('examples/express', async (env) => {
 *   const { config, close } = configFromEnv(env);
 *   return serve(createApp(config), close);
 * });
 * ```
 */
export function describeExampleContract(name: string, start: StartExample): void {
  describe.each(STORES)(`${name} over HTTP (%s)`, (_store, env) => {
    let running: RunningExample | undefined;
    beforeAll(async () => {
      running = await start(env);
    });
    afterAll(() => running?.close());
    const url = () => {
      if (!running) throw new Error('the example did not start');
      return running.baseUrl;
    };

    routesContract(url, () => start(env));
    loginContract(url);
    logoutContract(url);
    dpopContract(url);
  });

  describe(`${name} configuration from the environment`, () => {
    environmentContract(start);
  });
}
