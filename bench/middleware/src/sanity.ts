import type { Scenario } from './scenarios.js';

async function status(url: string, token?: string): Promise<number> {
  const headers: Record<string, string> =
    token === undefined ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response.status;
}

function tamper(token: string): string {
  const [header, payload] = token.split('.');
  const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  forged.roles = ['admin'];
  return `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${token.split('.')[2]}`;
}

/**
 * Proves a setup really does what its row claims before it is measured: the valid token gets 200,
 * and for guarded setups a missing or tampered token gets 401 (a guard that lets everything
 * through would otherwise win the benchmark).
 *
 * @param scenario - the setup
 * @param url - its server
 * @param token - the valid token
 * @throws Error describing the first wrong answer
 * @example
 * ```ts
 * await checkSetup(scenario, server.url, token);
 * ```
 */
export async function checkSetup(scenario: Scenario, url: string, token: string): Promise<void> {
  const expectations: [string, string | undefined, number][] = [['valid token', token, 200]];
  if (scenario.guard !== 'none') {
    expectations.push(['no token', undefined, 401], ['tampered token', tamper(token), 401]);
  }
  for (const [what, sent, expected] of expectations) {
    const got = await status(url, sent);
    if (got !== expected)
      throw new Error(`${scenario.id}: ${what} got ${got}, expected ${expected}`);
  }
}
