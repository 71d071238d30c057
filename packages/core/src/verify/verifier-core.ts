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
import { checkHeader, type HeaderEntry } from './check-header.js';
import { checkRevocation } from './check-revocation.js';
import type { KeyStrategy } from './key-strategy.js';
import type { VerifierConfig } from './read-verifier-options.js';
import { configuredCheck, resolvedCheck } from './resolve-key.js';
import { VERIFIER_DEFAULTS } from './verifier-defaults.js';

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
  readonly now: number;
  /** `false`: stop after the signature (JWS conformance tests only). */
  readonly claims: boolean;
}

/**
 * The verification order of DESIGN.md §5 for one configured verifier (internal). `run(token,
 * true)` is `verify`; `run(token, false)` stops after the signature (JWS conformance tests).
 * `runNow` is the same work answered synchronously when no step has to wait (a configured key
 * and no revocation store): the request path of the adapters then needs no promise at all.
 */
export class VerifierCore {
  // Decoded, checked headers by exact segment: the header of one issuer repeats on every token.
  private readonly headers = new Map<string, HeaderEntry>();
  private readonly dynamicKeys: boolean;

  constructor(
    private readonly config: VerifierConfig,
    private readonly strategy: KeyStrategy,
    private readonly cache: TokenCache | undefined,
  ) {
    this.dynamicKeys = strategy.kind === 'resolver' || strategy.kind === 'source';
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
        // comparisons as step 12); outside it, the token goes through every step again.
        const hit = this.cache.get(token, now, this.config.clockTolerance);
        // Header and payload are frozen: every caller can be given the same ones.
        if (hit !== undefined) return this.finish({ header: hit.header, payload: hit.payload });
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
      let entry = this.headers.get(headerSegment);
      if (entry === undefined && !isCanonicalBase64url(headerSegment)) malformed();
      const payloadBytes = decodeAsciiBase64url(token.slice(dot1 + 1, dot2)) ?? malformed();
      const signature = decodeAsciiBase64url(signatureSegment) ?? malformed();
      // Steps 4–6: header.
      entry ??= this.rememberHeader(headerSegment);
      const parts: TokenParts = {
        token,
        signingInput: token.slice(0, dot2),
        signatureSegment,
        signature,
        payloadBytes,
        now,
        claims,
      };
      // Steps 7–8: the key, from configuration only.
      if (this.dynamicKeys) {
        const found = entry;
        return resolvedCheck(this.strategy, found)
          .then((check) => this.afterKey(found, check, parts))
          .catch((err: unknown) => Promise.reject(asJwtError(err)));
      }
      entry.check ??= configuredCheck(this.strategy, entry);
      return this.afterKey(entry, entry.check, parts);
    } catch (err) {
      throw asJwtError(err);
    }
  }

  private afterKey(
    entry: HeaderEntry,
    check: SignatureCheck,
    parts: TokenParts,
  ): VerifyResult | VerifiedJws | Promise<VerifyResult> {
    // Step 9: the signature, before the payload is even parsed.
    if (!check(parts.signingInput, parts.signatureSegment, parts.signature)) {
      throw new JwtError('ERR_JWT_SIGNATURE_INVALID');
    }
    if (!parts.claims) return { header: entry.header, payload: parts.payloadBytes };
    // Step 10: payload.
    const payload = decodeJsonBytes(parts.payloadBytes);
    // Steps 11–13: claim types and required claims, time, iss/aud/sub, typ.
    const config = this.config;
    checkClaimTypes(payload, config.requiredClaims);
    checkTime(payload, parts.now, config);
    checkIdentity(payload, config);
    if (!entry.typOk) {
      throw new JwtError('ERR_JWT_TYPE_MISMATCH', 'The "typ" header is not accepted', {
        details: { claim: 'typ', reason: 'mismatch', received: String(entry.header.typ) },
      });
    }
    if (this.cache === undefined) {
      return this.finish({ header: entry.header, payload: payload as JwtClaims });
    }
    // Cached claims serve every later call with the same token: frozen, so that no caller can
    // change what another one receives (freezing costs about a microsecond, once per token).
    const claimsSet = deepFreeze(payload) as JwtClaims;
    this.cache.set(
      parts.token,
      { header: entry.header, payload: claimsSet },
      validUntil(payload, config),
      notBefore(payload),
    );
    return this.finish({ header: entry.header, payload: claimsSet });
  }

  // Step 14: revocation, only for a token that passed every other check.
  private finish(result: VerifyResult): VerifyResult | Promise<VerifyResult> {
    if (this.config.revocation === undefined) return result;
    return checkRevocation(this.config.revocation, result);
  }

  private rememberHeader(segment: string): HeaderEntry {
    const entry = checkHeader(segment, this.config.algorithms, this.config.typ);
    if (this.headers.size >= VERIFIER_DEFAULTS.headerMemoSize) {
      this.headers.delete(this.headers.keys().next().value as string);
    }
    this.headers.set(segment, entry);
    return entry;
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

function malformed(): never {
  throw new JwtError('ERR_JWT_MALFORMED');
}

// Whatever goes wrong, `verify` rejects with a JwtError (an unexpected failure keeps its cause).
function asJwtError(err: unknown): JwtError {
  return err instanceof JwtError
    ? err
    : new JwtError('ERR_JWT_MALFORMED', undefined, { cause: err });
}
