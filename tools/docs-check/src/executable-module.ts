import ts from 'typescript';

/**
 * Turns a docs block into CommonJS whose default export is an async function running the
 * block's statements. Imports stay at module level; everything else (top-level `await`
 * included) moves into the function, so a block reads like a script.
 *
 * @param code - the TypeScript of the block
 * @returns CommonJS JavaScript
 * @example
 * ```ts
 * const js = toExecutableModule("import { generateSecret } from '@tokenward/core';\nawait 1;");
 * ```
 */
export function toExecutableModule(code: string): string {
  const source = ts.createSourceFile(
    'block.ts',
    code,
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const imports: string[] = [];
  const body: string[] = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement);
    (isImport ? imports : body).push(statement.getFullText(source));
  }
  const wrapped = `${imports.join('')}\nexport default async function docsBlock(): Promise<void> {${body.join('')}\n}\n`;
  return ts.transpileModule(wrapped, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  }).outputText;
}
