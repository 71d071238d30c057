// The conformance table: request in, status, challenge and body out. Every adapter must produce
// exactly these answers; any difference between adapters is a failing test. The rows live in
// scenarios/, one file per theme; the expected answers are spelled out in scenarios/answers.ts.
import type { Scenario } from './scenario.js';
import { ACCESS } from './scenarios/access.js';
import { AUTHORIZATION } from './scenarios/authorization.js';
import { DPOP } from './scenarios/dpop.js';
import { EXTRACTION } from './scenarios/extraction.js';
import { ISSUERS } from './scenarios/issuers.js';
import { REMOTE_JWKS } from './scenarios/remote-jwks.js';
import { TOKEN_FAILURES } from './scenarios/token-failures.js';

export type { Expectation, Scenario } from './scenario.js';

/** The table. */
export const SCENARIOS: readonly Scenario[] = [
  ...EXTRACTION,
  ...TOKEN_FAILURES,
  ...REMOTE_JWKS,
  ...ISSUERS,
  ...AUTHORIZATION,
  ...ACCESS,
  ...DPOP,
];
