// Private test support: the examples' HTTP contract (DESIGN.md §8), written once for all three.
export { describeEnvConfig, type EnvConfigShape } from './describe-env-config.js';
export { describeExampleContract } from './describe-example-contract.js';
export { serve } from './serve.js';
export { TEST_REDIS_URL, type RunningExample, type StartExample } from './running-example.js';
