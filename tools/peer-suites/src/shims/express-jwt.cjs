'use strict';
// express-jwt 7.4.1's API over @tokenward/express, renaming options only: `secret` is `key`,
// failures go to next(err) (express-jwt's behaviour, `onError: 'next'`). Everything else is
// passed as is, so an option tokenward does not have is refused, as it would be in an app.
const { jwt } = require('@tokenward/express');
const { UnauthorizedError } = require('express-jwt/src/errors/UnauthorizedError');

function expressjwt(options) {
  const { secret, ...rest } = options ?? {};
  const renamed = { ...rest, onError: 'next' };
  if (options !== undefined && 'secret' in options) renamed.key = secret;
  return jwt(renamed);
}

module.exports = { expressjwt, UnauthorizedError };
