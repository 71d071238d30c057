// Public surface of @tokenward/nestjs/passport: the Passport bridge (needs no passport at run time).
export { TokenwardStrategy } from './tokenward.strategy.js';
export type {
  JwtFromRequest,
  TokenwardStrategyOptions,
  VerifiedCallback,
} from './strategy-options.js';
export type {
  JsonWebTokenOptions,
  PassportJwtOptions,
  SecretOrKeyProvider,
} from './passport-jwt-options.js';
