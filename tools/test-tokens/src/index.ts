// Private test support for the adapter suites: real HS256 tokens from core's own signer, a DPoP
// client and the DPoP walk over HTTP, TLS certificates for certificate-bound tokens, and the app
// callbacks that throw.
export { hs256TestTokens, type Hs256TestTokens } from './hs256-test-tokens.js';
export { dpopTestClient, type DpopTestClient } from './dpop-test-client.js';
export {
  bindingOutcomes,
  testCertificate,
  tlsGet,
  type TestCertificate,
} from './tls-test-certificates.js';
export { THROWING_APP_CALLBACKS } from './throwing-app-callbacks.js';
export {
  describeDpopOverHttp,
  type DpopTestApp,
  type DpopTestRoutes,
} from './describe-dpop-over-http.js';
