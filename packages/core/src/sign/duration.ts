import { configError } from '../errors/jwt-error.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const DURATION = /^([1-9][0-9]{0,8})([smhd])$/;

/**
 * Reads a lifetime: a positive integer of seconds, or digits and one unit (`s`, `m`, `h`, `d`).
 *
 * @param value - caller input
 * @param option - the option path for the error
 * @returns seconds
 * @example
 * ```ts
 * durationSeconds('15m', 'expiresIn'); // 900
 * ```
 */
export function durationSeconds(value: unknown, option: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (match !== null) return Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  return configError(
    option,
    'must be a positive integer of seconds or a string like "90s", "15m", "12h" or "7d"',
  );
}
