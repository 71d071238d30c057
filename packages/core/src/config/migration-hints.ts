/**
 * Option names of the libraries tokenward replaces (express-jwt, koa-jwt, passport-jwt,
 * @nestjs/jwt, jsonwebtoken, jwks-rsa, express-oauth2-jwt-bearer), each with what to write
 * instead. The one table every options check consults: a peer's name never falls through to a
 * generic "unknown option", and never is silently ignored. docs/migration.md explains each line.
 */
export const MIGRATION_HINTS: Readonly<Record<string, string>> = Object.freeze({
  // Keys.
  secret:
    'use "key" (a secret, PEM, KeyObject, JWK, JWK Set, createRemoteJwks(url), or a resolver (header) => key)',
  secretOrKey: 'use "key" (passport-jwt\'s secretOrKey)',
  secretOrPublicKey: 'use "key"',
  secretOrPrivateKey: 'use "key"',
  secretOrKeyProvider:
    'use "key" with a resolver (header) => key, or createRemoteJwks(url) for a JWK Set',
  publicKey: 'use "key"',
  privateKey: 'use "key"',
  jwksUri: 'use key: createRemoteJwks(url)',
  issuerBaseURL:
    'use "issuer" and key: createRemoteJwks(issuer, { discovery: true }) (express-oauth2-jwt-bearer)',
  tokenSigningAlg: 'use "algorithms" (an array)',
  algorithm: 'use "algorithms" (an array)',
  // Claims.
  audiences: 'use "audience" (a string or an array)',
  allowedAud: 'use "audience"',
  allowedIss: 'use "issuer"',
  allowedSub: 'use "subject"',
  clockTimestamp: 'use "clock" (a function returning milliseconds)',
  maxAge: 'use "maxTokenAge" (seconds)',
  jwtid: 'check "jti" in validateClaims or a requireClaims guard',
  nonce: 'check "nonce" in validateClaims or a requireClaims guard',
  jsonWebTokenOptions: 'put issuer, audience, clockTolerance and maxTokenAge at the top level',
  verifyOptions: 'put issuer, audience, clockTolerance and maxTokenAge at the top level',
  complete: 'the header is always part of the result',
  ignoreExpiration:
    'is refused: an expired token is never accepted; use "clockTolerance" (up to 300 s) for clock skew',
  ignoreNotBefore:
    'is refused: "nbf" is always checked; use "clockTolerance" (up to 300 s) for clock skew',
  onExpired: 'is refused: an expired token is always an error; "onError" sees ERR_JWT_EXPIRED',
  // Extraction and results.
  jwtFromRequest:
    'use "getToken" (the Bearer header is always read; "cookie" and "query" cover the usual extractors)',
  requestProperty: 'claims are always on req.auth (Express) / ctx.state.user (Koa, see "stateKey")',
  userProperty: 'claims are always on req.auth (Express) / request.user (Nest)',
  resultProperty: 'claims are always on req.auth (Express) / ctx.state.user (Koa, see "stateKey")',
  passReqToCallback: 'no verify callback: use "validateClaims" or a requireClaims guard',
  // Revocation.
  isRevoked:
    'use "revocation": a RevocationStore (MemoryRevocationStore, RedisRevocationStore, or your isRevoked wrapped as one; see docs/migration.md)',
  // Other.
  debug: 'messages and err.details always say why server-side; HTTP bodies stay generic',
  authRequired: 'use "credentialsRequired" (express-oauth2-jwt-bearer\'s authRequired)',
});
