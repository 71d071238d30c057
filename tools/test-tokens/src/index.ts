// Private test support: real HS256 tokens from core's own signer, for the adapter suites.
export { hs256TestTokens, type Hs256TestTokens } from './hs256-test-tokens.js';
export { dpopTestClient, type DpopTestClient } from './dpop-test-client.js';
