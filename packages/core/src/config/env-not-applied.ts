import { closestName } from '../lib/edit-distance.js';
import type { VerifierOptions } from '../types/verifier-options.js';
import { ENV_VARIABLES, list, oneOrMany, read, type JwtEnv } from './verifier-options-from-env.js';

/** The `code` of every warning about an environment variable. */
export const ENV_WARNING_CODE = 'TOKENWARD_ENV_NOT_APPLIED';

const warned = new Set<string>();

// One process warning per variable and reason: startup noise, not per-request noise.
function warnOnce(variable: string, message: string): void {
  const key = `${variable}\u0000${message}`;
  if (warned.has(key)) return;
  warned.add(key);
  process.emitWarning(`tokenward: ${message}`, { code: ENV_WARNING_CODE });
}

function asList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((v) => set.has(v));
}

// Whether the option already holds what the variable says (`key: process.env.JWT_SECRET`).
function holdsVariable(variable: string, raw: string, value: unknown): boolean {
  switch (ENV_VARIABLES[variable]) {
    case 'key':
      if (typeof value === 'string') return value === raw || value === raw.replace(/\\n/g, '\n');
      if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8') === raw;
      return (
        typeof value === 'object' &&
        value !== null &&
        (value as { url?: unknown }).url === raw.trim()
      );
    case 'algorithms':
      return sameSet(asList(value), list(raw));
    case 'clockTolerance':
      return value === Number(raw);
    default:
      return sameSet(asList(value), asList(oneOrMany(raw)));
  }
}

/**
 * Warns once (process warning `TOKENWARD_ENV_NOT_APPLIED`) for each `JWT_*` variable that is set
 * but not applied: every one of them when the options give `key` or `verifier` (no variable is
 * read then), or the one an explicit option overrides. A variable whose option holds the same
 * value is applied in effect and stays quiet.
 *
 * @param options - the authenticator's options
 * @param fromEnv - `true` when the verifier options come from the environment
 * @param env - the environment; default `process.env`
 */
export function warnUnappliedVariables(
  options: Partial<VerifierOptions> & { verifier?: unknown },
  fromEnv: boolean,
  env: JwtEnv = process.env,
): void {
  const by = options.verifier !== undefined ? '"verifier"' : '"key"';
  for (const [variable, option] of Object.entries(ENV_VARIABLES)) {
    const raw = read(env, variable);
    if (raw === undefined) continue;
    const value = options[option];
    if (!fromEnv) {
      if (options.verifier === undefined && holdsVariable(variable, raw, value)) continue;
      warnOnce(
        variable,
        `${variable} is set but not applied: the options give ${by}, so no JWT_* variable is read`,
      );
    } else if (value !== undefined && !holdsVariable(variable, raw, value)) {
      warnOnce(variable, `${variable} is set but not applied: the "${option}" option overrides it`);
    }
  }
}

/**
 * Warns once for each set `JWT_*` variable tokenward does not read, naming the closest one it
 * reads (`JWT_AUDIANCE` → `JWT_AUDIENCE`), so that a misspelt variable is never silent.
 *
 * @param env - the environment
 */
export function warnUnknownVariables(env: JwtEnv): void {
  const known = Object.keys(ENV_VARIABLES);
  for (const variable of Object.keys(env)) {
    if (!variable.startsWith('JWT_') || known.includes(variable)) continue;
    if (read(env, variable) === undefined) continue;
    const closest = closestName(variable, known);
    warnOnce(
      variable,
      `${variable} is set but tokenward reads no such variable` +
        (closest === undefined ? '' : `; did you mean ${closest}?`),
    );
  }
}
