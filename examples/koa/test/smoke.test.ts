// Drives the HTTP contract of DESIGN.md §8 (written once in @tokenward/example-contract) over real
// HTTP against the Koa app, in-process; then the example's reader of the environment.
import { describeEnvConfig, describeExampleContract, serve } from '@tokenward/example-contract';
import { createApp } from '../src/app.js';
import { configFromEnv } from '../src/config.js';

describeExampleContract('examples/koa', async (env) => {
  const { config, close } = configFromEnv(env);
  return serve(createApp(config).callback(), close);
});

describeEnvConfig(configFromEnv);
