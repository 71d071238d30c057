import type { DemoAnswer, DemoRequest } from '../http/send.js';
import type { Printer } from '../print/printer.js';

/**
 * What the story needs from tokenward itself: reading a token without verifying it, and signing
 * a token with the server's secret (to show an expired one).
 *
 * @example
 * ```ts
 * const kit: TokenKit = { decode: (t) => decodeUnverified(t), signExpired: (claims) => ... };
 * ```
 */
export interface TokenKit {
  /** Decodes a token without verifying it (display only). */
  decode(token: string): { header: unknown; payload: unknown };
  /** Signs a token with the app's own key whose `exp` is already past. */
  signExpired(claims: Record<string, unknown>): Promise<string> | string;
}

/**
 * What the steps share: the tokens obtained so far.
 *
 * @example
 * ```ts
 * const state: StoryState = {};
 * ```
 */
export interface StoryState {
  /** Bob's access token, once he logged in. */
  bob?: string;
  /** Alice's access token, once she logged in. */
  alice?: string;
}

/**
 * One step of the story: a request and the answer it must get.
 *
 * @example
 * ```ts
 * const step: Step = { title: 'Public route', request: () => ({ method: 'GET', path: '/public' }), expect: { status: 200 } };
 * ```
 */
export interface Step {
  /** What happens, in one line. */
  title: string;
  /** Why it matters, printed before the request. */
  notes?: string[];
  /** Builds the request; a string instead means it cannot run (a previous step failed). */
  request(state: StoryState, kit: TokenKit): DemoRequest | string | Promise<DemoRequest | string>;
  /** The expected status and, for failures, the tokenward error `code` in the JSON body. */
  expect: { status: number; code?: string };
  /** Runs after a successful answer: remember a token, show something. */
  after?(answer: DemoAnswer, state: StoryState, kit: TokenKit, printer: Printer): void;
}
