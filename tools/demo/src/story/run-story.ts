import { send } from '../http/send.js';
import type { Printer } from '../print/printer.js';
import type { Step, StoryState, TokenKit } from './step.js';

/**
 * The outcome of one step.
 *
 * @example
 * ```ts
 * const failed = result.steps.filter((s) => !s.ok);
 * ```
 */
export interface StepOutcome {
  /** The step title. */
  title: string;
  /** Whether the answer was the expected one. */
  ok: boolean;
  /** The status received, when a request was sent. */
  status?: number;
  /** The error `code` received, if any. */
  code?: string;
  /** Why the step failed, when it did. */
  problem?: string;
}

/**
 * The outcome of the whole story.
 *
 * @example
 * ```ts
 * process.exitCode = result.ok ? 0 : 1;
 * ```
 */
export interface StoryResult {
  /** True when every step got its expected answer. */
  ok: boolean;
  /** One outcome per step, in order. */
  steps: StepOutcome[];
}

function codeOf(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Walks through the steps against a running app, printing each request and answer.
 * Never throws for a wrong answer: it records it and goes on.
 *
 * @param baseUrl - the app, e.g. `http://127.0.0.1:41234`
 * @param steps - the story
 * @param kit - decoding and signing helpers
 * @param printer - where the story is told
 * @returns one outcome per step
 * @example
 * ```ts
 * const result = await runStory(server.url, STORY, kit, printer);
 * ```
 */
export async function runStory(
  baseUrl: string,
  steps: readonly Step[],
  kit: TokenKit,
  printer: Printer,
): Promise<StoryResult> {
  const state: StoryState = {};
  const outcomes: StepOutcome[] = [];
  for (const [index, step] of steps.entries()) {
    printer.step(index + 1, step.title);
    for (const note of step.notes ?? []) printer.note(note);
    const outcome = await runStep(baseUrl, step, state, kit, printer);
    outcomes.push(outcome);
    printer.verdict(outcome.ok, outcome.problem ?? `${expected(step)}, as expected`);
  }
  return { ok: outcomes.every((o) => o.ok), steps: outcomes };
}

function expected(step: Step): string {
  return `${step.expect.status}${step.expect.code ? ` ${step.expect.code}` : ''}`;
}

async function runStep(
  baseUrl: string,
  step: Step,
  state: StoryState,
  kit: TokenKit,
  printer: Printer,
): Promise<StepOutcome> {
  const { title, expect } = step;
  try {
    const request = await step.request(state, kit);
    if (typeof request === 'string') return { title, ok: false, problem: `skipped: ${request}` };
    printer.request(request);
    const answer = await send(baseUrl, request);
    printer.answer(answer);
    const code = codeOf(answer.body);
    if (answer.status !== expect.status || (expect.code !== undefined && code !== expect.code)) {
      return {
        title,
        ok: false,
        status: answer.status,
        code,
        problem: `expected ${expected(step)}`,
      };
    }
    step.after?.(answer, state, kit, printer);
    return { title, ok: true, status: answer.status, code };
  } catch (err) {
    return { title, ok: false, problem: `request failed: ${(err as Error).message}` };
  }
}
