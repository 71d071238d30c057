// Public surface of @tokenward/core: explicit named re-exports only (locked by test/exports.test.ts).
export { ERROR_MEANINGS } from './errors/error-codes.js';
export type { BearerErrorValue, ErrorMeaning, JwtErrorCode } from './errors/error-codes.js';
export { JwtError } from './errors/jwt-error.js';
export type { JwtErrorDetails } from './errors/jwt-error.js';
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
export type { RequestView } from './auth/request-view.js';
export type { Verifier, VerifierOptions } from './types/verifier-options.js';
