// Stored values. A token entry holds its deadline; a subject rule holds
// "<issuedBefore> <until> <deadline>". Deadlines are whole seconds since the epoch, the same
// instant as the key's EXAT, so a mirror reloaded from values expires entries exactly when Redis does.

/** 9999-12-31T23:59:59Z: later deadlines are clamped (Redis rejects out-of-range expiries). */
export const MAX_DEADLINE = 253402300799;

/**
 * When an entry may go: `ceil(time + tolerance)` seconds, clamped to {@link MAX_DEADLINE}.
 *
 * @param time - the token's `exp` or the rule's `until` (NumericDate)
 * @param toleranceSeconds - the retention tolerance
 * @example
 * ```ts
 * deadlineOf(1700000000.2, 300); // 1700000301
 * ```
 */
export function deadlineOf(time: number, toleranceSeconds: number): number {
  return Math.min(Math.ceil(time + toleranceSeconds), MAX_DEADLINE);
}

/**
 * The value of a subject rule.
 *
 * @param issuedBefore - the rule's cut-off
 * @param until - the rule's lifetime
 * @param deadline - the entry's deadline
 * @example
 * ```ts
 * ruleValue(1700000000, 1700003600, 1700003900); // '1700000000 1700003600 1700003900'
 * ```
 */
export function ruleValue(issuedBefore: number, until: number, deadline: number): string {
  return `${String(issuedBefore)} ${String(until)} ${String(deadline)}`;
}

/**
 * The deadline (seconds) stored in a value of either kind, or `NaN` when it is unreadable.
 *
 * @param value - a stored value
 * @example
 * ```ts
 * deadlineOfValue('1700000000 1700003600 1700003900'); // 1700003900
 * ```
 */
export function deadlineOfValue(value: string): number {
  const fields = value.split(' ');
  return Number(fields[fields.length - 1]);
}

/**
 * Field-wise maximum of two values of the same kind, the merge Redis applies in Lua: several
 * rules for one key keep the largest `issuedBefore`, `until` and deadline; a token keeps the
 * later deadline.
 *
 * @param a - one value
 * @param b - another value of the same kind
 * @example
 * ```ts
 * mergeValues('1 5 9', '3 4 9'); // '3 5 9'
 * ```
 */
export function mergeValues(a: string, b: string): string {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length !== y.length) return b;
  return x.map((field, i) => (Number(y[i]) > Number(field) ? (y[i] as string) : field)).join(' ');
}

/**
 * The revocation decision from the three values `isRevoked` reads (identical for Redis answers
 * and the local mirror): a token entry revokes; a subject rule revokes a token without a finite
 * numeric `iat`, or with `iat < issuedBefore` (strict). An unreadable rule revokes (fail closed).
 *
 * @param token - the (iss, jti) entry, if any
 * @param rules - the issuer-bound and any-issuer rules, if any
 * @param iat - the token's `iat` claim as received
 * @example
 * ```ts
 * isRevokedBy(undefined, ['1700000000 1700003600 1700003900'], 1699999999); // true
 * ```
 */
export function isRevokedBy(
  token: string | null | undefined,
  rules: ReadonlyArray<string | null | undefined>,
  iat: unknown,
): boolean {
  if (token != null) return true;
  const issuedAt = typeof iat === 'number' && Number.isFinite(iat) ? iat : undefined;
  for (const rule of rules) {
    if (rule == null) continue;
    const issuedBefore = Number(rule.split(' ')[0]);
    if (issuedAt === undefined || !Number.isFinite(issuedBefore) || issuedAt < issuedBefore) {
      return true;
    }
  }
  return false;
}
