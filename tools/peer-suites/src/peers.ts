import type { PeerSuite } from './run-suite.js';

/** The peers whose shipped suites run here, at the versions pinned in package.json. */
export type PeerName = 'express-jwt' | 'koa-jwt' | 'passport-jwt';

/** Which files of each package are its test suite, and its mocha setup (from its package.json). */
export const PEERS: readonly PeerSuite[] = [
  // express-jwt 7.4.1: `mocha --require ts-node/register test/**` (7.4.1 is the last to ship them).
  { name: 'express-jwt', files: /\.test\.ts$/ },
  // koa-jwt 4.0.4: `mocha test/test.js --exit` (test-server.js is a manual demo, not a suite).
  { name: 'koa-jwt', files: /^test\.js$/ },
  // passport-jwt 4.0.1: `mocha --require test/bootstrap test/*test.js`.
  { name: 'passport-jwt', files: /-test\.js$/, setup: ['test/bootstrap.js'] },
];
