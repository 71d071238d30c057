// Public surface of @tokenward/core: explicit named re-exports only (locked by test/exports.test.ts).
export { ERROR_MEANINGS } from './errors/error-codes.js';
export type {
  BearerErrorValue,
  DpopErrorValue,
  ErrorMeaning,
  JwtErrorCode,
} from './errors/error-codes.js';
export { configError, JwtError } from './errors/jwt-error.js';
export type { JwtErrorDetails, JwtErrorInit } from './errors/jwt-error.js';
export { checkOptionNames } from './config/check-option-names.js';
export { bearerChallenge, DEFAULT_REALM, httpAnswer } from './errors/http-answer.js';
export type { HttpAnswer } from './errors/http-answer.js';
export { ALGORITHMS } from './types/algorithm.js';
export type { Algorithm } from './types/algorithm.js';
export type { JwsHeader, JwtClaims, VerifyResult } from './types/claims.js';
export type { Jwk, JwkSet, KeyInput, KeyResolver } from './types/key-input.js';
export type {
  RevocationStore,
  SubjectRevocation,
  TokenRevocation,
} from './revocation/revocation-store.js';
export { MemoryRevocationStore } from './revocation/memory-revocation-store.js';
export {
  readRevocationKeys,
  readSubjectRevocation,
  readTokenRevocation,
} from './revocation/revocation-input.js';
export type { RevocationKeys, SubjectRule, TokenEntry } from './revocation/revocation-input.js';
export type { MemoryRevocationStoreOptions } from './revocation/memory-store-options.js';
export { generateKeyPair } from './generate/generate-key-pair.js';
export type { GeneratedKeyPair, GenerateKeyPairOptions } from './generate/generate-key-pair.js';
export { generateSecret } from './generate/generate-secret.js';
export { createSigner } from './sign/create-signer.js';
export type {
  Duration,
  Signer,
  SignerOptions,
  SigningKeyInput,
  SignOptions,
} from './sign/signer-types.js';
export { decodeUnverified } from './decode/decode-unverified.js';
export type { RequestView } from './auth/request-view.js';
export { createRequestSlots, type RequestSlots } from './auth/request-slots.js';
export type {
  AuthResult,
  Authenticator,
  AuthenticatorOptions,
  Requirement,
  TokenSource,
} from './auth/authenticator-types.js';
export { AUTHENTICATOR_OPTION_KEYS, createAuthenticator } from './auth/create-authenticator.js';
export { createTokenExtractor } from './extract/create-token-extractor.js';
export type {
  CustomToken,
  ExtractedToken,
  TokenExtractor,
  TokenExtractorOptions,
} from './extract/create-token-extractor.js';
export { createUnlessMatcher } from './unless/create-unless-matcher.js';
export type { UnlessOptions, UnlessPath, UnlessTarget } from './unless/unless-options.js';
export type { ClaimPath } from './roles/claim-path.js';
export { claimValues, readClaim } from './roles/read-claim.js';
export { createAuthorizer } from './roles/create-authorizer.js';
export type { Authorizer, AuthorizerOptions } from './roles/create-authorizer.js';
export { parseRequirement } from './roles/parse-requirement.js';
export type { RequirementOptions } from './roles/parse-requirement.js';
export { checkCsrf } from './cookies/check-csrf.js';
export type { CsrfOptions } from './cookies/check-csrf.js';
export { clearAuthCookie, serializeAuthCookie } from './cookies/serialize-auth-cookie.js';
export type { AuthCookieOptions } from './cookies/auth-cookie-options.js';
export { createRemoteJwks } from './jwks/create-remote-jwks.js';
export type { RemoteJwks } from './jwks/create-remote-jwks.js';
export type { RemoteJwksOptions } from './jwks/remote-jwks-options.js';
export { verifierOptionsFromEnv } from './config/verifier-options-from-env.js';
export type { JwtEnv } from './config/verifier-options-from-env.js';
export type { Verifier, VerifierOptions } from './types/verifier-options.js';
export { createVerifier } from './verify/create-verifier.js';
export type { IssuerOptions, IssuersOption, VerifiedIssuer } from './types/issuer-options.js';
export { jwkThumbprint } from './dpop/jwk-thumbprint.js';
export { verifyDpopProof } from './dpop/verify-dpop-proof.js';
export type { VerifiedDpopProof, VerifyDpopProofOptions } from './dpop/verify-dpop-proof.js';
export type { DpopProof, DpopProofClaims } from './dpop/check-proof.js';
export type { DpopOptions, SenderConstraintMode } from './dpop/dpop-options.js';
export type { Confirmation } from './dpop/check-possession.js';
export type { ReplayStore } from './dpop/replay-store.js';
export type { DpopNonceOptions } from './dpop/dpop-nonces.js';
export { MemoryReplayStore } from './dpop/memory-replay-store.js';
export type { MemoryReplayStoreOptions } from './dpop/memory-replay-store.js';
export type { DpopChallenge } from './errors/http-answer.js';
export type { MtlsOptions } from './mtls/mtls-options.js';
export { readPeerCertificate } from './mtls/read-peer-certificate.js';
