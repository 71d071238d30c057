import type { RemoteJwks } from '../jwks/create-remote-jwks.js';
import type { VerifiedIssuer } from '../types/issuer-options.js';
import { checkHeader, type HeaderEntry } from './check-header.js';
import type { KeyStrategy } from './key-strategy.js';
import type { VerifierConfig } from './read-verifier-options.js';
import { VERIFIER_DEFAULTS } from './verifier-defaults.js';

/**
 * Everything a token is checked with once its issuer is known (internal): the rules, the key
 * strategy and the decoded headers seen with them. A single-issuer verifier has one scope; with
 * `issuers`, one per entry, chosen from the token's `iss` before the key is looked up.
 */
export interface IssuerScope {
  readonly config: VerifierConfig;
  readonly strategy: KeyStrategy;
  /** Keys come from a resolver or a key source: looked up per token, possibly asynchronously. */
  readonly dynamicKeys: boolean;
  /** The entry, with `issuers`; `undefined` for a single-issuer verifier. */
  readonly issuer: VerifiedIssuer | undefined;
  /** A remote JWK Set the verifier created for this entry and closes when the entry goes. */
  readonly owned: RemoteJwks | undefined;
  /** Set when the entry is evicted: what it verified is not served from the cache any more. */
  retired: boolean;
  // Decoded, checked headers by exact segment: the header of one issuer repeats on every token.
  readonly headers: Map<string, HeaderEntry>;
}

/**
 * Creates a scope.
 *
 * @param config - the rules (a verifier's, or an issuer entry's merged over them)
 * @param strategy - where the keys come from
 * @param issuer - the issuer entry, with `issuers`
 * @param owned - a remote JWK Set created for this scope
 */
export function createScope(
  config: VerifierConfig,
  strategy: KeyStrategy,
  issuer?: VerifiedIssuer,
  owned?: RemoteJwks,
): IssuerScope {
  return {
    config,
    strategy,
    dynamicKeys: strategy.kind === 'resolver' || strategy.kind === 'source',
    issuer,
    owned,
    retired: false,
    headers: new Map(),
  };
}

/**
 * Steps 4–6 for a header segment under this scope's algorithms and `typ`, memoized (bounded).
 *
 * @param scope - the scope
 * @param segment - the base64url header segment (its syntax checked by the caller)
 */
export function scopeHeader(scope: IssuerScope, segment: string): HeaderEntry {
  let entry = scope.headers.get(segment);
  if (entry !== undefined) return entry;
  entry = checkHeader(segment, scope.config.algorithms, scope.config.typ);
  if (scope.headers.size >= VERIFIER_DEFAULTS.headerMemoSize) {
    scope.headers.delete(scope.headers.keys().next().value as string);
  }
  scope.headers.set(segment, entry);
  return entry;
}
