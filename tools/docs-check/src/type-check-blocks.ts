import { join } from 'node:path';
import ts from 'typescript';
import type { DocBlock } from './extract-blocks.js';

/**
 * A type error in a docs block, located on its page.
 *
 * @example
 * ```ts
 * console.log(`${problem.file}:${problem.line}: ${problem.message}`);
 * ```
 */
export interface BlockProblem {
  /** The page. */
  file: string;
  /** 1-based line on the page. */
  line: number;
  /** The compiler's message. */
  message: string;
  /** The compiler's diagnostic code (e.g. 1309: top-level `await` in a CommonJS file). */
  code: number;
}

function slug(file: string): string {
  return file.replace(/[^A-Za-z0-9]+/g, '_');
}

function compilerOptions(rootDir: string): ts.CompilerOptions {
  const config = ts.readConfigFile(join(rootDir, 'tsconfig.base.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, rootDir);
  return { ...parsed.options, noEmit: true, declaration: false, sourceMap: false, types: ['node'] };
}

/**
 * Type-checks docs blocks with the repository's strict compiler options, each block as its own
 * module, resolving `@tokenward/*` to the workspace sources (the `@tokenward/source` condition)
 * and other imports from `tools/docs-check/node_modules`. One program for all blocks.
 *
 * @param rootDir - the repository root
 * @param blocks - the blocks to check (any mode)
 * @returns every problem, empty when all blocks compile
 * @example
 * ```ts
 * const problems = typeCheckBlocks(rootDir, blocks.filter((b) => b.mode !== 'none'));
 * ```
 */
export function typeCheckBlocks(rootDir: string, blocks: readonly DocBlock[]): BlockProblem[] {
  // Virtual files live beside this package so that module resolution finds its node_modules.
  return checkBlocksIn(join(rootDir, 'tools', 'docs-check', '.blocks'), blocks, {
    options: compilerOptions(rootDir),
    extension: '.ts',
  });
}

/** Where and how {@link checkBlocksIn} compiles. */
export interface CheckSettings {
  /** Compiler options of the program. */
  readonly options: ts.CompilerOptions;
  /** Extension of the virtual files: `.ts`, or `.mts` / `.cts` to fix the module format. */
  readonly extension: '.ts' | '.mts' | '.cts';
}

/**
 * Compiles blocks as virtual files in `dir` (module resolution starts there) with one program,
 * and returns the problems located in the blocks (problems inside packages are not theirs).
 *
 * @param dir - the folder the virtual files live in
 * @param blocks - the blocks
 * @param settings - compiler options and file extension
 * @example
 * ```ts
 * checkBlocksIn('/tmp/consumer', blocks, { options, extension: '.mts' });
 * ```
 */
export function checkBlocksIn(
  dir: string,
  blocks: readonly DocBlock[],
  settings: CheckSettings,
): BlockProblem[] {
  const { options, extension } = settings;
  const virtual = new Map<string, DocBlock>();
  for (const block of blocks)
    virtual.set(join(dir, `${slug(block.file)}_L${block.line}${extension}`), block);
  const text = (block: DocBlock): string => `${block.code}\nexport {};\n`;
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => {
    const block = virtual.get(name);
    return block ? text(block) : readFile.call(host, name);
  };
  host.getSourceFile = (name, language, onError, createNew) => {
    const block = virtual.get(name);
    return block
      ? ts.createSourceFile(name, text(block), language, true, ts.ScriptKind.TS)
      : getSourceFile.call(host, name, language, onError, createNew);
  };

  const program = ts.createProgram([...virtual.keys()], options, host);
  const problems: BlockProblem[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const block = diagnostic.file ? virtual.get(diagnostic.file.fileName) : undefined;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file) {
      problems.push({ file: '(compiler)', line: 0, message, code: diagnostic.code });
      continue;
    }
    if (!block) continue; // an error inside a package is that package's test's business
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    problems.push({ file: block.file, line: block.line + line, message, code: diagnostic.code });
  }
  return problems;
}
