import { createTokenCache } from '../cache/token-cache.js';
import type { JwtClaims, VerifyResult } from '../types/claims.js';
import type { Verifier, VerifierOptions } from '../types/verifier-options.js';
import type { IssuersOption } from '../types/issuer-options.js';
import { dynamicIssuers, fixedIssuers, type IssuerSelector } from './issuer-selector.js';
import { createScope, type IssuerScope } from './issuer-scope.js';
import { buildKeyStrategy } from './key-strategy.js';
import { readIssuerOptions } from './read-issuer-options.js';
import { readVerifierOptions, type VerifierConfig } from './read-verifier-options.js';
import { VerifierCore, type VerifiedJws } from './verifier-core.js';
import { VERIFY_NOW, type VerifyNow } from './verify-now.js';

export type { VerifiedJws } from './verifier-core.js';

/**
 * Creates a verifier for compact JWS JWTs. Every option is validated here: a bad option throws a
 * `JwtError` naming it (`ERR_JWT_CONFIG_INVALID`, `ERR_JWT_ALG_NOT_ALLOWED`,
 * `ERR_JWT_KEY_INVALID`). `verify` follows the verification order of DESIGN.md §5 — length,
 * segments, strict base64url, header, allow-list, key, signature, payload, claim types, time,
 * iss/aud/typ, revocation — resolves with a null-prototype payload and rejects only with
 * `JwtError`. With `issuers` (several trusted issuers), the payload's `iss` selects the entry from
 * that allow-list right after the header, and the key and every rule are that entry's; the
 * result then names the entry (`issuer`). See `docs/multi-issuer.md`.
 *
 * @param options - algorithms and key (required), claim rules, clock, revocation store, cache
 * @returns the verifier
 * @example
 * ```ts
 * const verifier = createVerifier({
 *   algorithms: ['RS256'],
 *   key: publicKeyPem,
 *   issuer: 'https://auth.example.com/',
 *   audience: 'https://api.example.com',
 * });
 * const { payload } = await verifier.verify(token);
 *
 * const perIssuer = createVerifier({
 *   algorithms: ['RS256', 'ES256'],
 *   audience: 'api',
 *   issuers: {
 *     'https://login.company.example': { jwksUri: 'https://login.company.example/jwks.json' },
 *     'https://partner.example': { key: partnerPublicKeyPem, algorithms: ['ES256'] },
 *   },
 * });
 * ```
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const core = createCore(options);
  const verifyNow: VerifyNow = (token) => core.runNow(token, true) as ReturnType<VerifyNow>;
  const verifier = {
    verify: <T = JwtClaims>(token: string) => core.run(token, true) as Promise<VerifyResult<T>>,
    close: () => core.close(),
  };
  // Not enumerable: the verifier's visible surface stays `verify` and `close`.
  Object.defineProperty(verifier, VERIFY_NOW, { value: verifyNow });
  return Object.freeze(verifier);
}

/**
 * Internal, for conformance tests of JWS vectors whose payload is not a JWT claims set: the same
 * verifier, stopped after the signature (verification order steps 1–9).
 *
 * @param options - as for {@link createVerifier}
 */
export function createJwsVerifier(options: VerifierOptions): {
  verifySignature(token: string): Promise<VerifiedJws>;
} {
  const core = createCore(options);
  return { verifySignature: (token) => core.run(token, false) as Promise<VerifiedJws> };
}

function createCore(options: VerifierOptions): VerifierCore {
  const config = readVerifierOptions(options);
  if (config.issuers !== undefined) return multiIssuerCore(options, config, config.issuers);
  const strategy = buildKeyStrategy((options as { key?: unknown }).key, config.algorithms);
  // Default: on when the key is fixed by the configuration, where a token's verdict can only
  // change with time (re-checked on every hit) or revocation (asked on every call); off for
  // remote JWK Sets and resolvers, whose key behind a `kid` may change.
  const fixedKey = strategy.kind === 'static' || strategy.kind === 'set';
  const option = config.cache ?? fixedKey;
  const cache = option === false ? undefined : createTokenCache(option);
  return new VerifierCore(config, createScope(config, strategy), undefined, cache);
}

// With `issuers`: one selector, one cache for all entries (off by default unless every entry's
// key is fixed by the configuration).
function multiIssuerCore(
  options: VerifierOptions,
  config: VerifierConfig,
  issuers: IssuersOption,
): VerifierCore {
  let fixedKeys = false;
  let selector: IssuerSelector;
  if (typeof issuers === 'function') {
    // Read per token's `iss`: messages name the entry without quoting the token.
    const fromToken = (iss: string, entry: unknown): IssuerScope =>
      readIssuerOptions(iss, entry, options, config, true);
    selector = dynamicIssuers(issuers, fromToken, config.maxIssuers, config.clock);
  } else {
    const scopes: IssuerScope[] = [];
    selector = fixedIssuers(issuers, (iss, entry) => {
      const scope = readIssuerOptions(iss, entry, options, config);
      scopes.push(scope);
      return scope;
    });
    fixedKeys = scopes.every((s) => s.strategy.kind === 'static' || s.strategy.kind === 'set');
  }
  const option = config.cache ?? fixedKeys;
  const cache = option === false ? undefined : createTokenCache(option);
  return new VerifierCore(config, undefined, selector, cache);
}
