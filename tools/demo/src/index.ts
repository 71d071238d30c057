// Private package: the pieces of `pnpm demo`, exported for the launcher and the tests.
export { main } from './cli.js';
export { parseDemoArgs, USAGE } from './args.js';
export type { DemoArgs } from './args.js';
export { runDemo } from './run-demo.js';
export type { DemoOptions } from './run-demo.js';
export { FRAMEWORKS, startExample } from './server/start-example.js';
export type { Framework, RunningExample, StartOptions } from './server/start-example.js';
export { runStory } from './story/run-story.js';
export type { StepOutcome, StoryResult } from './story/run-story.js';
export { STORY } from './story/steps.js';
export type { Step, StoryState, TokenKit } from './story/step.js';
