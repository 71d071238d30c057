// Private package: reads the docs' code blocks for the docs test.
export { extractBlocks, TS_LANGS } from './extract-blocks.js';
export type { BlockMode, DocBlock } from './extract-blocks.js';
export { findPages } from './find-pages.js';
export { typeCheckBlocks } from './type-check-blocks.js';
export type { BlockProblem } from './type-check-blocks.js';
export { toExecutableModule } from './executable-module.js';
export { findBrokenLinks, headingAnchors } from './check-links.js';
export type { BrokenLink } from './check-links.js';
