/**
 * The JWS algorithms tokenward verifies and signs. `none` is deliberately absent: it can never be
 * configured.
 *
 * @example
 * ```ts
 * const algorithms: Algorithm[] = ['RS256', 'ES256'];
 * ```
 */
export type Algorithm =
  | 'HS256'
  | 'HS384'
  | 'HS512'
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'EdDSA'
  | 'Ed25519';

/**
 * Every supported algorithm, in a fixed order.
 *
 * @example
 * ```ts
 * ALGORITHMS.includes('HS256'); // true
 * ```
 */
export const ALGORITHMS: readonly Algorithm[] = Object.freeze([
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);
