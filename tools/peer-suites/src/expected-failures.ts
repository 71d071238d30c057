import type { PeerName } from './peers.js';

/**
 * Every peer test that fails against tokenward, each with the reason it fails. A reason is a
 * deliberate difference stated in the docs (`doc`, `quote`: the test checks the quote is on that
 * page) and the failure message it produces (`message`: the test checks the failure is that one).
 * A failure outside this list, a listed test that passes, or a listed test failing for another
 * reason fails the project test.
 */
export const REASONS = {
  secretLength: {
    doc: 'docs/migration.md',
    quote: 'HMAC secrets of at least the hash size (32 bytes for HS256)',
    message: /secret must be at least 32 bytes/,
  },
  algorithmsRequired: {
    doc: 'docs/migration.md',
    quote: '`algorithms` required, `none` never',
    message: /"algorithms": is required/,
  },
  unknownOption: {
    doc: 'docs/migration.md',
    quote: 'unknown options are refused at startup',
    message: /is not an option of/,
  },
  environmentFallback: {
    doc: 'docs/express.md',
    quote: '`JWT_*` variables are read only when the',
    message: /"key": not given/,
  },
  perRequestSecret: {
    doc: 'docs/migration.md',
    quote: '**`ctx.state.secret`** (a per-request key): one `jwt()` per tenant',
    message: /"key": not given/,
  },
  // express-jwt's secret(req, token) gets the header as its first argument and throws; the
  // resolver's error reaches the test's next(err), whose assertion throws after next() (a
  // timeout, as for expRequired).
  resolverHeaderOnly: {
    doc: 'docs/migration.md',
    quote: 'a tokenward key resolver sees only the header',
    message: /Timeout of/,
  },
  // The token has no `exp`: ERR_JWT_CLAIM_INVALID goes to the test's next(err), whose assertion
  // on req.auth then throws; a throw after next() is not passed on (next runs once), so mocha
  // reports a timeout.
  expRequired: {
    doc: 'docs/migration.md',
    quote: "a token without `exp` is refused (`requiredClaims: ['exp']`)",
    message: /Timeout of/,
  },
  lowerCaseHeaders: {
    doc: 'docs/migration.md',
    quote: 'only lower-case header names are read (`req.headers.authorization`)',
    message: /No access token was provided/,
  },
  maxAgeSeconds: {
    doc: 'docs/nestjs.md',
    quote: "same, in seconds only (`'1h'` is refused)",
    message: /maxAge": must be a number/,
  },
} as const;

/** A reason's name. */
export type Reason = keyof typeof REASONS;

/** Expected failures per peer: the test's full title → why it fails. */
export const EXPECTED_FAILURES: Readonly<Record<PeerName, Readonly<Record<string, Reason>>>> = {
  'express-jwt': {
    'failure tests should throw if options not sent': 'environmentFallback',
    'failure tests should throw if algorithms is not sent': 'algorithmsRequired',
    'failure tests should throw if algorithms is not an array': 'algorithmsRequired',
    'failure tests should throw if no authorization header and credentials are required':
      'secretLength',
    'failure tests support unless skip': 'secretLength',
    'failure tests should skip on CORS preflight': 'secretLength',
    'failure tests should throw if authorization header is malformed': 'secretLength',
    'failure tests should throw if authorization header is not Bearer': 'secretLength',
    'failure tests should next if authorization header is not Bearer and credentialsRequired is false':
      'secretLength',
    'failure tests should throw if authorization header is not well-formatted jwt': 'secretLength',
    'failure tests should throw if jwt is an invalid json': 'secretLength',
    'failure tests should throw if authorization header is not valid jwt': 'secretLength',
    'failure tests should throw if audience is not expected': 'secretLength',
    'failure tests should throw if token is expired': 'secretLength',
    'failure tests should throw if token issuer is wrong': 'secretLength',
    'failure tests should use errors thrown from custom getToken function': 'secretLength',
    'failure tests should throw error when signature is wrong': 'secretLength',
    'failure tests should throw error if token is expired even with when credentials are not required':
      'secretLength',
    'failure tests should throw error if token is invalid even with when credentials are not required':
      'secretLength',
    'work tests should work if authorization header is valid jwt': 'secretLength',
    'work tests should work if authorization header is valid with a buffer secret': 'expRequired',
    'work tests should work if Authorization header is capitalized (lambda environment)':
      'lowerCaseHeaders',
    'work tests should work if no authorization header and credentials are not required':
      'secretLength',
    'work tests should not work if no authorization header': 'secretLength',
    'work tests should produce a stack trace that includes the failure reason': 'secretLength',
    'work tests should work with a custom getToken function': 'secretLength',
    'work tests should work with an async getToken function': 'secretLength',
    'work tests should work with a secretCallback function that accepts header argument':
      'resolverHeaderOnly',
    'multitenancy should retrieve secret using callback': 'resolverHeaderOnly',
    'multitenancy should throw if an error ocurred when retrieving the token': 'resolverHeaderOnly',
    'multitenancy should fail if token is revoked': 'unknownOption',
    'revocation.test.ts (loading)': 'unknownOption',
    'string tokens should work with a valid string token': 'secretLength',
  },
  'koa-jwt': {
    'failure tests should throw 401 if no authorization header': 'unknownOption',
    'failure tests should return 401 if authorization header is malformed': 'algorithmsRequired',
    'failure tests should return 401 if authorization header does not start with Bearer':
      'algorithmsRequired',
    'failure tests should allow provided getToken function to throw': 'algorithmsRequired',
    'failure tests should throw if getToken function returns invalid jwt': 'unknownOption',
    'failure tests should throw if authorization header is not well-formatted jwt': 'unknownOption',
    'failure tests should throw if authorization header is not valid jwt': 'unknownOption',
    'failure tests should throw if authorization header is not valid jwt according to any secret':
      'unknownOption',
    'failure tests should throw non-descriptive errors when debug is false': 'unknownOption',
    'failure tests should throw if opts.cookies is set and the specified cookie is not well-formatted jwt':
      'unknownOption',
    'failure tests should throw if audience is not expected': 'unknownOption',
    'failure tests should throw if token is expired': 'unknownOption',
    'failure tests should throw with original jsonwebtoken error as originalError property':
      'unknownOption',
    'failure tests should throw if token issuer is wrong': 'unknownOption',
    'failure tests should throw if secret neither provided by options or middleware':
      'unknownOption',
    'failure tests should throw if secret both provided by options (right secret) and middleware (wrong secret)':
      'unknownOption',
    'failure tests should throw 401 if isRevoked throw error': 'unknownOption',
    'failure tests should throw 401 if revoked token': 'unknownOption',
    'failure tests should throw if secret provider rejects': 'unknownOption',
    'failure tests should throw if secret provider used but token invalid': 'unknownOption',
    'failure tests should throw if secret provider returns a secret that does not match jwt':
      'unknownOption',
    'failure tests should throw if no secret provider returns a secret that matches jwt':
      'unknownOption',
    'passthrough tests should continue if `passthrough` is true': 'unknownOption',
    'passthrough tests should continue if `passthrough` is true with bad auth header format':
      'unknownOption',
    'success tests should work if authorization header is valid jwt': 'algorithmsRequired',
    'success tests should work if authorization header contains leading and/or trailing whitespace':
      'algorithmsRequired',
    'success tests should work if authorization header is valid jwt according to one of the secrets':
      'algorithmsRequired',
    'success tests should work if the provided getToken function returns a valid jwt':
      'algorithmsRequired',
    'success tests should use the first resolved token': 'algorithmsRequired',
    'success tests should work if opts.cookies is set and the specified cookie contains valid jwt':
      'algorithmsRequired',
    'success tests should use provided key for decoded data': 'algorithmsRequired',
    'success tests should work if secret is provided by middleware': 'perRequestSecret',
    'success tests should work if secret is provided by secret provider function':
      'algorithmsRequired',
    'success tests should work if a valid secret is provided by one of the secret provider functions':
      'algorithmsRequired',
    'success tests should not overwrite ctx.state.token on successful token verification if opts.tokenKey is undefined':
      'algorithmsRequired',
    'success tests should populate the raw token to ctx.state, in key from opts.tokenKey':
      'algorithmsRequired',
    'success tests should use middleware secret if both middleware and options provided':
      'algorithmsRequired',
    'unless tests should pass if the route is excluded': 'algorithmsRequired',
    'unless tests should fail if the route is not excluded': 'algorithmsRequired',
    'unless tests should pass if the route is not excluded and the token is present':
      'algorithmsRequired',
    'unless tests should work if authorization header is valid jwt and is not revoked':
      'unknownOption',
  },
  'passport-jwt': {
    'strategy-init-test.js (loading)': 'algorithmsRequired',
    'Strategy handling request JWT present in request "before all" hook for "verifies the right jwt"':
      'algorithmsRequired',
    'Strategy handling request with NO JWT "before all" hook for "should fail authentication"':
      'algorithmsRequired',
    'Strategy handling request url set to url.Url instead of string "before all" hook for "should fail authentication"':
      'algorithmsRequired',
    'Strategy calling JWT validation function "before all" hook for "should call with the right secret as an argument"':
      'maxAgeSeconds',
    'Strategy handling valid jwt "before all" hook for "should call verify with the correct payload"':
      'algorithmsRequired',
    'Strategy handling failing jwt "before all" hook for "should not call verify"':
      'algorithmsRequired',
    'Strategy handling an invalid authentication header "before all" hook for "should not call verify"':
      'algorithmsRequired',
    'Strategy Handling a request with a valid JWT and succesful verification "before all" hook for "should provide a user"':
      'algorithmsRequired',
    'Strategy handling a request with valid jwt and failed verification "before all" hook for "should fail with info"':
      'algorithmsRequired',
    'Strategy handling a request with a valid jwt and an error during verification "before all" hook for "should error"':
      'algorithmsRequired',
    'Strategy handling a request with a valid jwt and an exception during verification "before all" hook for "should error"':
      'algorithmsRequired',
    'Strategy handling a request with a valid jwt and option passReqToCallback is true "before all" hook for "will call verify with request as the first argument"':
      'algorithmsRequired',
    'Strategy handling a request when constructed with a secretOrKeyProvider function that succeeds "before all" hook for "should call the fake secret or key provider with the reqeust"':
      'algorithmsRequired',
    'Strategy handling a request when constructed with a secretOrKeyProvider function that errors "before all" hook for "should fail with the error message from the secretOrKeyProvider"':
      'algorithmsRequired',
  },
};
