// One root Jest run over every workspace package; no build needed (workspace packages resolve to
// src/ through the private "@tokenward/source" export condition).
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const dirs = ['packages', 'examples', 'tools', '.']
  .flatMap((top) =>
    top === '.' ? ['bench'] : existsSync(top) ? readdirSync(top).map((d) => join(top, d)) : [],
  )
  .filter((dir) => existsSync(join(__dirname, dir, 'test')));

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  projects: dirs.map((dir) => ({
    displayName: dir,
    rootDir: join(__dirname, dir),
    testMatch: ['<rootDir>/test/**/*.test.ts'],
    testEnvironment: 'node',
    testEnvironmentOptions: {
      customExportConditions: ['@tokenward/source', 'node', 'node-addons'],
    },
    transform: { '^.+\\.(t|j|mj)s$': swc },
    // ESM-only dependencies (jose, @nestjs/*) are transformed to CJS like our own sources.
    transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(jose|@nestjs|dpop|oauth4webapi)[+/@])'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  })),
};
