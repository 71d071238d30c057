// Public surface of @tokenward/redis: explicit named re-exports only (locked by test/exports.test.ts).
export { RedisRevocationStore } from './redis-revocation-store.js';
export type { MirrorStatus } from './redis-revocation-store.js';
export { REDIS_REVOCATION_DEFAULTS } from './redis-revocation-store-options.js';
export type {
  RedisMirrorOptions,
  RedisRevocationStoreOptions,
  RevocationLogger,
  RevocationRedisClient,
} from './redis-revocation-store-options.js';
export { REDIS_REPLAY_DEFAULTS, RedisReplayStore } from './redis-replay-store.js';
export type { RedisReplayStoreOptions } from './redis-replay-store.js';
