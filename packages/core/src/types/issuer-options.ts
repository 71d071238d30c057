import type { KeySource } from '../keys/key-source.js';
import type { RemoteJwksOptions } from '../jwks/remote-jwks-options.js';
import type { RevocationStore } from '../revocation/revocation-store.js';
import type { Algorithm } from './algorithm.js';
import type { JwkSet, KeyInput, KeyResolver } from './key-input.js';

/**
 * The configuration of one trusted issuer in the verifier's `issuers` allow-list: where its keys
 * come from (exactly one of `key`, `jwksUri`, `discovery`) and the verifier's rules it narrows or
 * replaces. Options not given here are the verifier's own.
 *
 * @example
 * ```ts
 * const partner: IssuerOptions = {
 *   label: 'partner',
 *   jwksUri: 'https://partner.example/.well-known/jwks.json',
 *   audience: ['api', 'partner-api'],
 *   algorithms: ['ES256'],
 * };
 * ```
 */
export interface IssuerOptions {
  /** A key, a JWK Set, a resolver `(header) => key`, or a key source such as `createRemoteJwks()`. */
  key?: KeyInput | JwkSet | KeyResolver | KeySource;
  /**
   * A remote JWK Set URL: the verifier creates the remote JWK Set itself (nothing is fetched
   * before a token of this issuer needs a key) and closes it when the entry goes.
   */
  jwksUri?: string | URL;
  /**
   * `true`: OpenID discovery from the issuer itself (`<iss>/.well-known/openid-configuration`,
   * whose `issuer` must equal `iss` exactly), the remote JWK Set created and closed by the verifier.
   */
  discovery?: boolean;
  /** Options of the remote JWK Set created for `jwksUri` or `discovery` (cooldown, timeouts...). */
  remoteJwks?: RemoteJwksOptions;
  /** A name for this entry, returned with every token it verified (e.g. a tenant id). */
  label?: string;
  /** Algorithms of this issuer: a non-empty subset of the verifier's `algorithms`. */
  algorithms?: Algorithm[];
  /** Accepted `aud` value(s) of this issuer's tokens; replaces the verifier's `audience`. */
  audience?: string | string[];
  /** Expected header `typ` value(s); replaces the verifier's `typ`. */
  typ?: string | string[];
  /** Claims that must be present; replaces the verifier's `requiredClaims`. */
  requiredClaims?: string[];
  /** Maximum age since `iat`, in seconds; replaces the verifier's `maxTokenAge`. */
  maxTokenAge?: number;
  /** Leeway for `exp`/`nbf`/`iat`, in seconds (0–300); replaces the verifier's `clockTolerance`. */
  clockTolerance?: number;
  /** Revocation store of this issuer; replaces the verifier's `revocation`. */
  revocation?: RevocationStore;
}

/**
 * The verifier's `issuers` option: an allow-list keyed by the exact `iss` string, or a function
 * that is the allow-list for issuers following a pattern (one realm or tenant per customer). The
 * function must return `undefined` for every issuer it does not trust; its answers are kept in a
 * bounded LRU (`maxIssuers`).
 *
 * @example
 * ```ts
 * const tenants = new Set(['acme', 'globex']);
 * const issuers: IssuersOption = (iss) => {
 *   const tenant = /^https:\/\/idp\.example\/realms\/([a-z0-9-]{1,40})$/.exec(iss)?.[1];
 *   return tenant !== undefined && tenants.has(tenant)
 *     ? { discovery: true, label: tenant, audience: 'api' }
 *     : undefined;
 * };
 * ```
 */
export type IssuersOption =
  Readonly<Record<string, IssuerOptions>> | ((iss: string) => IssuerOptions | undefined);

/**
 * Which entry of `issuers` verified a token: its `iss` and, when configured, its `label`. Frozen,
 * one object per entry.
 *
 * @example
 * ```ts
 * const { payload, issuer } = await verifier.verify(token);
 * console.log(issuer?.label ?? issuer?.iss, payload.sub);
 * ```
 */
export interface VerifiedIssuer {
  /** The issuer, exactly as in the token's `iss` and the allow-list. */
  readonly iss: string;
  /** The entry's `label`, when one is configured. */
  readonly label?: string;
}
