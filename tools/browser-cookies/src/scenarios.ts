// What the browser does and what came back: the steps the cookie tests are written with.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import type { Attack } from './attacker.js';
import type { BrowserApp } from './examples.js';
import type { SeenRequest } from './recorded-server.js';

/** The app's answer to one request the browser made: status and tokenward's error code. */
export interface Answer {
  status: number;
  /** `code` of the JSON error body, when the body was readable. */
  code?: string;
}

/** Where the screenshots go: `tools/browser-cookies/output/<example>/` (gitignored). */
export const OUTPUT_DIR = join(__dirname, '..', 'output');

async function answerOf(response: Response): Promise<Answer> {
  const body: unknown = await response.json().catch(() => undefined);
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string'
    ? { status: response.status(), code }
    : { status: response.status() };
}

/**
 * Runs `action` and returns the answer to the first request the page made to `url`.
 *
 * @param page - the page
 * @param url - the exact URL of the request to watch
 * @param action - what makes the browser send it
 * @example
 * ```ts
 * const answer = await answerTo(page, `${app}/me`, () => page.goto(`${app}/me`));
 * ```
 */
export async function answerTo(
  page: Page,
  url: string,
  action: () => Promise<unknown>,
): Promise<Answer> {
  const response = page.waitForResponse((r) => r.url() === url, { timeout: 15_000 });
  await action();
  return answerOf(await response);
}

/** What an attack produced: the app's record of the request, and the error code if visible. */
export interface AttackResult extends SeenRequest {
  /** `code` of the app's JSON answer, when the browser exposed the response (navigations). */
  code?: string;
}

/**
 * Whether the browser shows the app's answer to this attack: a navigation (form, link) does; a
 * no-cors fetch and an image keep it opaque.
 *
 * @param attack - the attack
 * @example
 * ```ts
 * if (answerVisible('form-post')) expect(result.code).toBe('ERR_JWT_CSRF');
 * ```
 */
export function answerVisible(attack: Attack): boolean {
  return attack === 'form-post' || attack === 'link';
}

async function until<T>(find: () => T | undefined, ms = 10_000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < ms;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the app never received the request');
}

/**
 * Opens the attacker's page for `attack` against `path` of the app and returns what the app
 * received and answered (an image's JSON answer is blocked inside the browser, so the app's own
 * record is the ground truth).
 *
 * @param page - the page
 * @param app - the app under attack
 * @param attackerOrigin - `http://localhost:<port>` (same-site) or `http://127.0.0.1:<port>`
 * @param attack - which attack page
 * @param path - the app path it aims at
 * @example
 * ```ts
 * await launchAttack(page, app, `http://127.0.0.1:${evil.port}`, 'form-post', '/auth/logout');
 * ```
 */
export async function launchAttack(
  page: Page,
  app: BrowserApp,
  attackerOrigin: string,
  attack: Attack,
  path: string,
): Promise<AttackResult> {
  const target = `${app.origin}${path}`;
  const from = app.seen.length;
  const responses: Response[] = [];
  const onResponse = (response: Response) => {
    if (response.url() === target) responses.push(response);
  };
  page.on('response', onResponse);
  try {
    const at = `${attackerOrigin}/${attack}?target=${encodeURIComponent(target)}`;
    // 'commit': a form answered with 204 never loads anything, so the attacker page never loads.
    await page.goto(at, { waitUntil: 'commit' });
    if (attack === 'link') await page.click('#go');
    const seen = await until(() => app.seen.slice(from).find((r) => r.path === path));
    if (!answerVisible(attack)) return seen;
    const { code } = await answerOf(await until(() => responses[0]));
    return code === undefined ? seen : { ...seen, code };
  } finally {
    page.off('response', onResponse);
  }
}

/**
 * Logs alice in from a page of the app itself (a same-origin `fetch`, as a login form's script
 * would) and returns the JSON answer and what `document.cookie` shows afterwards.
 *
 * @param page - the page
 * @param origin - the app's origin
 * @example
 * ```ts
 * const { status, token, visibleCookies } = await logIn(page, app.origin);
 * ```
 */
export async function logIn(page: Page, origin: string) {
  await page.goto(`${origin}/public`);
  return page.evaluate(async () => {
    const res = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'alice-password' }),
    });
    const body = (await res.json()) as { access_token: string };
    return { status: res.status, token: body.access_token, visibleCookies: document.cookie };
  });
}

/**
 * Saves a full-page screenshot as `output/<example>/<name>.png`.
 *
 * @param page - the page
 * @param example - e.g. `examples/express`
 * @param name - the scenario's file name
 * @example
 * ```ts
 * await screenshot(page, 'examples/koa', '01-login');
 * ```
 */
export async function screenshot(page: Page, example: string, name: string): Promise<void> {
  const dir = join(OUTPUT_DIR, example.replace(/\//g, '-'));
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
