import type { KeyObject } from 'node:crypto';
import type { Algorithm } from '../types/algorithm.js';
import type { JwtClaims } from '../types/claims.js';
import type { Jwk } from '../types/key-input.js';

/**
 * A signing key: an HMAC secret (string or bytes, at least the hash size), a PEM private key
 * (PKCS#8, PKCS#1 or SEC1), a private or secret `KeyObject`, or one private JWK (or `oct` JWK).
 *
 * @example
 * ```ts
 * const key: SigningKeyInput = process.env.JWT_PRIVATE_KEY_PEM!;
 * ```
 */
export type SigningKeyInput = string | Uint8Array | KeyObject | Jwk;

/**
 * A token lifetime: a positive integer number of seconds, or a string of digits followed by one
 * unit `s`, `m`, `h` or `d` (e.g. `'90s'`, `'15m'`, `'12h'`, `'7d'`). Bare numeric strings are
 * refused: other libraries read `'60'` as milliseconds.
 *
 * @example
 * ```ts
 * const lifetime: Duration = '15m'; // same as 900
 * ```
 */
export type Duration = number | `${number}${'s' | 'm' | 'h' | 'd'}`;

/**
 * Per-call settings of {@link Signer.sign}; each replaces the signer's own for this token.
 *
 * @example
 * ```ts
 * await signer.sign({ sub: 'alice' }, { expiresIn: '7d', typ: 'refresh+jwt' });
 * ```
 */
export interface SignOptions {
  /** Lifetime of this token. */
  expiresIn?: Duration | undefined;
  /** `iss` of this token. */
  issuer?: string | undefined;
  /** `aud` of this token. */
  audience?: string | string[] | undefined;
  /** Header `typ` of this token. */
  typ?: string | undefined;
  /**
   * Binds this token to a DPoP key (RFC 9449 §6.1): sets `cnf.jkt`, the RFC 7638 thumbprint of
   * the client's proof key (`(await verifyDpopProof(...)).jkt`). Cannot be combined with a `cnf`
   * claim. Per token only.
   */
  dpopJkt?: string | undefined;
}

/**
 * Options of {@link createSigner}. Only `algorithm` and `key` are required.
 *
 * @example
 * ```ts
 * const options: SignerOptions = {
 *   algorithm: 'ES256',
 *   key: privateKeyPem,
 *   issuer: 'https://auth.example.com/',
 *   audience: 'https://api.example.com',
 *   expiresIn: '15m',
 *   kid: '2024-06',
 * };
 * ```
 */
export interface SignerOptions extends Omit<SignOptions, 'dpopJkt'> {
  /** The one algorithm this signer uses. */
  algorithm: Algorithm;
  /** The signing key; checked like the verifier checks keys (size, curve, type). */
  key: SigningKeyInput;
  /** Token lifetime; sets `exp = iat + expiresIn`. Default 900 s (15 minutes). */
  expiresIn?: Duration | undefined;
  /** Header `typ`. Default `'JWT'`; e.g. `'at+jwt'` for RFC 9068 access tokens. */
  typ?: string | undefined;
  /** Header `kid`, so verifiers with a JWK Set can pick the key. */
  kid?: string | undefined;
  /** Current time in milliseconds since the epoch. Default `Date.now` (tests inject it). */
  clock?: (() => number) | undefined;
}

/**
 * A configured signer.
 *
 * @example
 * ```ts
 * const token = await signer.sign({ sub: 'alice', roles: ['admin'] });
 * ```
 */
export interface Signer {
  /** The signer's algorithm. */
  readonly algorithm: Algorithm;
  /**
   * Signs a JWT. Starts from `iss`, `aud`, `iat` (now), `exp` (now + `expiresIn`) and a random
   * `jti`, then applies `claims` over them: an explicit claim wins, and a registered claim set to
   * `undefined` is left out (e.g. `{ jti: undefined }`). Claims must be JSON data: plain objects,
   * arrays, strings, finite numbers, booleans and `null`; anything else (functions, cycles,
   * `Date`s, `BigInt`s, `NaN`, lone surrogates, `__proto__` keys) rejects with `JwtError`
   * `ERR_JWT_CONFIG_INVALID` naming the claim, as do wrongly typed registered claims.
   *
   * @param claims - the claims to sign
   * @param options - per-call lifetime, issuer, audience, `typ` or DPoP binding (`dpopJkt`)
   * @returns the compact JWS; asymmetric signatures are computed off the main thread
   */
  sign<T extends JwtClaims = JwtClaims>(claims?: T, options?: SignOptions): Promise<string>;
}
