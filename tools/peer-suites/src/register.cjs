'use strict';
// Loaded by mocha (`--require`) before a peer's own test files. It does three things, and
// nothing to the tests themselves:
// 1. the peer's implementation module ('../src' for express-jwt, '../lib' for koa-jwt,
//    '../lib/strategy' for passport-jwt) resolves to a shim over tokenward (./shims);
// 2. bare imports of a peer's test file (koa, express, chai, ...) resolve from this package,
//    whose devDependencies pin the versions the suites were written for;
// 3. TypeScript (express-jwt's test files, tokenward's sources through the
//    "@tokenward/source" condition) is transpiled on load, as ts-node would.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const here = path.join(__dirname, '..');
const SHIMS = {
  'express-jwt': { request: '../src', shim: './shims/express-jwt.cjs' },
  'koa-jwt': { request: '../lib', shim: './shims/koa-jwt.cjs' },
  'passport-jwt': { request: '../lib/strategy', shim: './shims/passport-jwt.cjs' },
};

function peerOf(filename) {
  if (typeof filename !== 'string') return undefined;
  for (const name of Object.keys(SHIMS)) {
    if (filename.includes(`${path.sep}${name}${path.sep}test${path.sep}`)) return name;
  }
  return undefined;
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const peer = peerOf(parent && parent.filename);
  if (peer !== undefined) {
    if (request === SHIMS[peer].request) return path.join(__dirname, SHIMS[peer].shim);
    if (!request.startsWith('.') && !request.startsWith('node:')) {
      try {
        return resolve.call(
          this,
          request,
          { ...parent, paths: Module._nodeModulePaths(here) },
          ...rest,
        );
      } catch {
        // not a devDependency here: the peer's own dependency (jsonwebtoken, ...)
      }
    }
  }
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (err) {
    // tokenward's sources import './x.js' for './x.ts'.
    if (request.startsWith('.') && request.endsWith('.js') && parent && parent.filename) {
      const candidate = path.resolve(path.dirname(parent.filename), `${request.slice(0, -3)}.ts`);
      if (fs.existsSync(candidate)) return candidate;
    }
    throw err;
  }
};

const COMPILER = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
};
Module._extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: COMPILER,
    fileName: filename,
  });
  module._compile(outputText, filename);
};
