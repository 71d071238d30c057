'use strict';
// passport-jwt 4.0.1's Strategy is @tokenward/nestjs's TokenwardStrategy, which takes
// passport-jwt's option names (secretOrKey, jwtFromRequest, ...) itself: nothing to rename.
const { TokenwardStrategy } = require('@tokenward/nestjs/passport');

module.exports = TokenwardStrategy;
