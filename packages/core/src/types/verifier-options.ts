import type { KeySource } from '../keys/key-source.js';
import type { RevocationStore } from '../revocation/revocation-store.js';
import type { Algorithm } from './algorithm.js';
import type { JwtClaims, VerifyResult } from './claims.js';
import type { IssuersOption } from './issuer-options.js';
import type { JwkSet, KeyInput, KeyResolver } from './key-input.js';

/**
 * Options of {@link createVerifier}. Only `algorithms` and `key` (or `issuers`) are required;
 * every default is the strict one.
 *
 * @example
 * ```ts
 * const options: VerifierOptions = {
 *   algorithms: ['RS256'],
 *   key: publicKeyPem,
 *   issuer: 'https://auth.example.com/',
 *   audience: 'https://api.example.com',
 * };
 * ```
 */
export interface VerifierOptions {
  /** Allowed algorithms; required and non-empty. `none` can never be configured. */
  algorithms: Algorithm[];
  /**
   * A key, a JWK Set, a resolver `(header) => key`, or a remote JWK Set. Required, except with
   * `issuers`, where each issuer has its own key and `key` must be absent.
   */
  key?: KeyInput | JwkSet | KeyResolver | KeySource;
  /** Accepted `iss` value(s), compared exactly. Not together with `issuers`. */
  issuer?: string | string[];
  /**
   * Several trusted issuers, each with its own keys and rules: a map keyed by the exact `iss`, or
   * a function `(iss) => IssuerOptions | undefined` that is the allow-list. The token's `iss` only
   * selects the entry; the signature is then checked with that entry's keys alone. An `iss`
   * outside the allow-list (or missing) is `ERR_JWT_ISSUER_MISMATCH`, with no key lookup.
   * See `docs/multi-issuer.md`.
   */
  issuers?: IssuersOption;
  /**
   * With a function `issuers`: how many issuer entries are kept (least recently used first out,
   * their remote JWK Sets closed), and how many new ones may be created per 30 s. Default 100.
   */
  maxIssuers?: number;
  /** Accepted `aud` value(s); the token must name at least one. */
  audience?: string | string[];
  /** Required `sub` value. */
  subject?: string;
  /** Expected header `typ` value(s), ASCII case-insensitive (e.g. `at+jwt`). */
  typ?: string | string[];
  /** Claims that must be present. Default `['exp']`. */
  requiredClaims?: string[];
  /** Leeway for `exp`/`nbf`/`iat`, in seconds. Default 0, at most 300. */
  clockTolerance?: number;
  /** Maximum age since `iat`, in seconds (requires `iat`). */
  maxTokenAge?: number;
  /** Maximum token length in characters, checked before any decoding. Default 8192. */
  maxTokenLength?: number;
  /** Current time in milliseconds since the epoch. Default `Date.now` (tests inject it). */
  clock?: () => number;
  /** Revocation store, consulted last. */
  revocation?: RevocationStore;
  /**
   * Verified-token cache: `false`, `true` (1,000 entries) or `{ max }`. Default: on for a key fixed
   * by the configuration (secret, PEM, `KeyObject`, JWK, local JWK Set), off for a remote JWK Set or
   * a key resolver. `exp`/`nbf`/`iat`/`maxTokenAge` and revocation are checked on every call.
   */
  cache?: boolean | { max?: number };
}

/**
 * A configured verifier. `verify` resolves with the header and a null-prototype payload, and
 * rejects only with `JwtError`.
 *
 * @example
 * ```ts
 * const { payload } = await verifier.verify(token);
 * ```
 */
export interface Verifier {
  /**
   * Verifies a compact JWS JWT.
   *
   * @param token - the compact token string
   */
  verify<T = JwtClaims>(token: string): Promise<VerifyResult<T>>;
  /**
   * Releases what the verifier created itself (the remote JWK Sets of `issuers` entries given by
   * `jwksUri` or `discovery`). Keys and key sources passed in stay the caller's to close.
   */
  close?(): void;
}
