// The shape of one row of the conformance table.
import type { Header } from './lib/send.js';
import type { ProfileName } from './profiles.js';

/** What the server must answer. */
export interface Expectation {
  readonly status: number;
  /** The exact `WWW-Authenticate` value, or `null` when the header must be absent. */
  readonly challenge: string | null;
  /** The exact JSON body. */
  readonly body: unknown;
  /** The exact `Retry-After` value, or `null` (default) when the header must be absent. */
  readonly retryAfter?: string | null;
}

/** One row of the table. */
export interface Scenario {
  readonly name: string;
  /** Server configuration; default `default`. */
  readonly profile?: ProfileName;
  readonly method?: string;
  readonly path: string;
  /** Header lines in order; a function receives the server's own origin. */
  readonly headers?: readonly Header[] | ((origin: string) => readonly Header[]);
  readonly expect: Expectation;
}
