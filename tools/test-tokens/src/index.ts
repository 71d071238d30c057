// Private test support for the adapter suites: real HS256 tokens from core's own signer, a DPoP
// client, and TLS certificates for certificate-bound tokens.
export { hs256TestTokens, type Hs256TestTokens } from './hs256-test-tokens.js';
export { dpopTestClient, type DpopTestClient } from './dpop-test-client.js';
export {
  bindingOutcomes,
  testCertificate,
  tlsGet,
  type TestCertificate,
} from './tls-test-certificates.js';
