import ts from 'typescript';
import type { CheckSettings } from '../type-check-blocks.js';

/**
 * The project setups a user may have, each with `strict`, `exactOptionalPropertyTypes`,
 * `skipLibCheck` and the decorator options Nest needs: Node's ESM and CommonJS (`nodenext`, the
 * format fixed by the file extension) and a bundler (`moduleResolution: bundler`). No
 * `customConditions`: packages resolve through their published `exports`.
 *
 * @example
 * ```ts
 * for (const [name, settings] of Object.entries(CONSUMER_VARIANTS)) check(name, settings);
 * ```
 */
export const CONSUMER_VARIANTS: Readonly<Record<string, CheckSettings>> = Object.freeze({
  'nodenext ESM': settings(ts.ModuleKind.NodeNext, ts.ModuleResolutionKind.NodeNext, '.mts'),
  'nodenext CommonJS': settings(ts.ModuleKind.NodeNext, ts.ModuleResolutionKind.NodeNext, '.cts'),
  bundler: settings(ts.ModuleKind.ESNext, ts.ModuleResolutionKind.Bundler, '.ts'),
});

function settings(
  module: ts.ModuleKind,
  moduleResolution: ts.ModuleResolutionKind,
  extension: CheckSettings['extension'],
): CheckSettings {
  return {
    extension,
    options: {
      module,
      moduleResolution,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      strict: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      noEmit: true,
    },
  };
}
