import type { TokenCache } from '../cache/token-cache.js';
import { checkClaimTypes } from '../claims/check-claim-types.js';
import { checkIdentity } from '../claims/check-identity.js';
import { checkTime, notBefore, validUntil } from '../claims/check-time.js';
import { JwtError } from '../errors/jwt-error.js';
import { decodeAsciiBase64url, isCanonicalBase64url, isPlainAscii } from '../lib/base64url.js';
import { asPromise } from '../lib/as-promise.js';
import { decodeJsonBytes } from '../lib/decode-json-segment.js';
import { deepFreeze } from '../lib/deep-freeze.js';
import type { SignatureCheck } from '../signature/signature-check.js';
import type { JwsHeader, JwtClaims, VerifyResult } from '../types/claims.js';
import type { RevocationStore } from '../revocation/revocation-store.js';
import type { VerifiedIssuer } from '../types/issuer-options.js';
import { checkHeader, type HeaderEntry } from './check-header.js';
import { checkRevocation } from './check-revocation.js';
import type { IssuerSelector } from './issuer-selector.js';
import { scopeHeader, type IssuerScope } from './issuer-scope.js';
import type { VerifierConfig } from './read-verifier-options.js';
import { configuredCheck, resolvedCheck } from './resolve-key.js';
import { VERIFIER_DEFAULTS } from './verifier-defaults.js';

// A result in the verified-token cache, with `issuers`: the scope it was verified under.
interface CachedResult extends VerifyResult {
  scope?: IssuerScope;
}

/** A signature-valid JWS: the header and the raw payload bytes (internal). */
export interface VerifiedJws {
  readonly header: JwsHeader;
  readonly payload: Buffer;
}

// What one token carries from step 3 to the signature and claim steps.
interface TokenParts {
  readonly token: string;
  readonly signingInput: string;
  readonly signatureSegment: string;
  readonly signature: Buffer;
  readonly payloadBytes: Buffer;
  /** The payload, when decoded before the signature to select the issuer entry. */
  readonly payload: Record<string, unknown> | undefined;
  readonly now: number;
  /** `false`: stop after the signature (JWS conformance tests only). */
  readonly claims: boolean;
}

/**
 * The verification order of DESIGN.md §5 for one configured verifier (internal). `run(token,
 * true)` is `verify`; `run(token, false)` stops after the signature (JWS conformance tests).
 * `runNow` is the same work answered synchronously when no step has to wait (a configured key
 * and no revocation store): the request path of the adapters then needs no promise at all.
 *
 * With `issuers`, the payload is decoded (same strict decoding) right after the header, and its
 * `iss` only selects a scope from the allow-list; the key, the header's algorithm and every claim
 * rule are then that scope's alone.
 */
export class VerifierCore {
  // Headers that passed steps 4–6 under the verifier's own algorithms, with `issuers`.
  private readonly gate = new Map<string, true>();

  constructor(
    private readonly config: VerifierConfig,
    private readonly single: IssuerScope | undefined,
    private readonly selector: IssuerSelector | undefined,
    private readonly cache: TokenCache | undefined,
  ) {}

  /** Closes the remote JWK Sets the verifier created for `issuers` entries. */
  close(): void {
    this.selector?.close();
  }

  run(token: unknown, claims: boolean): Promise<VerifyResult | VerifiedJws> {
    return asPromise(() => this.runNow(token, claims));
  }

  /** `run`, but synchronous where it can be: returns the result or a Promise, throws `JwtError`. */
  runNow(
    token: unknown,
    claims: boolean,
  ): VerifyResult | VerifiedJws | Promise<VerifyResult | VerifiedJws> {
    try {
      // Step 1: a string within the length cap, before any decoding.
      if (typeof token !== 'string') throw new JwtError('ERR_JWT_MALFORMED');
      if (token.length > this.config.maxTokenLength) throw new JwtError('ERR_JWT_TOO_LARGE');
      const now = this.now();
      if (this.cache !== undefined && claims) {
        // A hit is inside the entry's time window (exp, nbf, iat and maxTokenAge, the same
        // comparisons as step 12); outside it, the token goes through every step again. With
        // `issuers` the entry's own leeway is folded into its notBefore.
        const leeway = this.single === undefined ? 0 : this.config.clockTolerance;
        const hit = this.cache.get(token, now, leeway);
        // Header and payload are frozen: every caller can be given the same ones.
        if (hit !== undefined) {
          // The result object around them is the caller's own.
          const { header, payload } = hit;
          const scope = (hit as CachedResult).scope;
          if (scope === undefined) return this.finish({ header, payload }, this.config.revocation);
          // An entry evicted from the `issuers` LRU serves nothing more: the token goes through
          // selection (and the allow-list function) again.
          if (!scope.retired) {
            const own = { header, payload, issuer: scope.issuer };
            return this.finish(own, scope.config.revocation);
          }
        }
      }
      // Step 2: exactly three segments, header and payload non-empty.
      const dot1 = token.indexOf('.');
      const dot2 = token.indexOf('.', dot1 + 1);
      if (dot1 < 1 || dot2 < 0 || dot2 === dot1 + 1 || token.indexOf('.', dot2 + 1) !== -1) {
        throw new JwtError('ERR_JWT_MALFORMED');
      }
      // Step 3: strict canonical base64url of all three parts (a memoized header passed it).
      const headerSegment = token.slice(0, dot1);
      const signatureSegment = token.slice(dot2 + 1);
      if (!isPlainAscii(token)) malformed();
      const single = this.single;
      let entry = single?.headers.get(headerSegment);
      const known = entry !== undefined || (single === undefined && this.gate.has(headerSegment));
      if (!known && !isCanonicalBase64url(headerSegment)) malformed();
      const payloadBytes = decodeAsciiBase64url(token.slice(dot1 + 1, dot2)) ?? malformed();
      const signature = decodeAsciiBase64url(signatureSegment) ?? malformed();
      let scope: IssuerScope;
      let payload: Record<string, unknown> | undefined;
      if (single !== undefined) {
        scope = single;
      } else {
        // Steps 4–6 under the verifier's algorithms, then the payload's `iss` picks the entry.
        if (!known) this.passGate(headerSegment);
        payload = decodeJsonBytes(payloadBytes);
        scope = (this.selector as IssuerSelector).select(payload.iss);
      }
      // Steps 4–6: header (with `issuers`, under the entry's algorithms and typ).
      entry ??= scopeHeader(scope, headerSegment);
      const parts: TokenParts = {
        token,
        signingInput: token.slice(0, dot2),
        signatureSegment,
        signature,
        payloadBytes,
        payload,
        now,
        claims,
      };
      // Steps 7–8: the key, from configuration only.
      if (scope.dynamicKeys) {
        const found = entry;
        return resolvedCheck(scope.strategy, found)
          .then((check) => this.afterKey(scope, found, check, parts))
          .catch((err: unknown) => Promise.reject(asJwtError(err)));
      }
      entry.check ??= configuredCheck(scope.strategy, entry);
      return this.afterKey(scope, entry, entry.check, parts);
    } catch (err) {
      throw asJwtError(err);
    }
  }

  private afterKey(
    scope: IssuerScope,
    entry: HeaderEntry,
    check: SignatureCheck,
    parts: TokenParts,
  ): VerifyResult | VerifiedJws | Promise<VerifyResult> {
    // Step 9: the signature, before the payload is even parsed.
    if (!check(parts.signingInput, parts.signatureSegment, parts.signature)) {
      throw new JwtError('ERR_JWT_SIGNATURE_INVALID');
    }
    if (!parts.claims) return { header: entry.header, payload: parts.payloadBytes };
    // Step 10: payload (with `issuers`, decoded already to select the entry).
    const payload = parts.payload ?? decodeJsonBytes(parts.payloadBytes);
    // Steps 11–13: claim types and required claims, time, iss/aud/sub, typ.
    const config = scope.config;
    checkClaimTypes(payload, config.requiredClaims);
    checkTime(payload, parts.now, config);
    checkIdentity(payload, config);
    if (!entry.typOk) {
      throw new JwtError('ERR_JWT_TYPE_MISMATCH', 'The "typ" header is not accepted', {
        details: { claim: 'typ', reason: 'mismatch', received: String(entry.header.typ) },
      });
    }
    const issuer = scope.issuer;
    if (this.cache === undefined) {
      return this.finish(result(entry.header, payload as JwtClaims, issuer), config.revocation);
    }
    // Cached claims serve every later call with the same token: frozen, so that no caller can
    // change what another one receives (freezing costs about a microsecond, once per token).
    const frozen = deepFreeze(payload) as JwtClaims;
    const verified = result(entry.header, frozen, issuer);
    // With `issuers`, the entry travels with the cached result (never handed out): a hit uses
    // its rules and revocation store.
    const cached: CachedResult =
      issuer === undefined ? verified : { header: entry.header, payload: frozen, scope };
    const from = notBefore(payload);
    this.cache.set(
      parts.token,
      cached,
      validUntil(payload, config),
      issuer === undefined ? from : from - config.clockTolerance,
    );
    return this.finish(verified, config.revocation);
  }

  // Step 14: revocation, only for a token that passed every other check.
  private finish(
    verified: VerifyResult,
    store: RevocationStore | undefined,
  ): VerifyResult | Promise<VerifyResult> {
    if (store === undefined) return verified;
    return checkRevocation(store, verified);
  }

  private passGate(segment: string): void {
    checkHeader(segment, this.config.algorithms, undefined);
    if (this.gate.size >= VERIFIER_DEFAULTS.headerMemoSize) {
      this.gate.delete(this.gate.keys().next().value as string);
    }
    this.gate.set(segment, true);
  }

  private now(): number {
    const ms = this.config.clock();
    if (typeof ms !== 'number' || !Number.isFinite(ms)) {
      throw new JwtError(
        'ERR_JWT_CONFIG_INVALID',
        'Invalid option "clock": returned a non-finite value',
      );
    }
    return ms / 1000;
  }
}

// A verified result; `issuer` only with `issuers`, so single-issuer results keep their shape.
function result(
  header: JwsHeader,
  payload: JwtClaims,
  issuer: VerifiedIssuer | undefined,
): VerifyResult {
  if (issuer === undefined) return { header, payload };
  return { header, payload, issuer };
}

function malformed(): never {
  throw new JwtError('ERR_JWT_MALFORMED');
}

// Whatever goes wrong, `verify` rejects with a JwtError (an unexpected failure keeps its cause).
function asJwtError(err: unknown): JwtError {
  return err instanceof JwtError
    ? err
    : new JwtError('ERR_JWT_MALFORMED', undefined, { cause: err });
}
