'use strict';
// koa-jwt 4.0.4's API over @tokenward/koa, renaming options only: `secret` is `key`, koa-jwt's
// `key` (the state property) is `stateKey`. Everything else is passed as is.
const { jwt } = require('@tokenward/koa');

module.exports = function koajwt(options) {
  const { secret, key, ...rest } = options ?? {};
  const renamed = { ...rest };
  if (options !== undefined && 'secret' in options) renamed.key = secret;
  if (key !== undefined) renamed.stateKey = key;
  return jwt(renamed);
};
