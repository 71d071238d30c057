import { MemoryReplayStore } from '@tokenward/core';

/**
 * DPoP proofs already used, by the login route and the guarded routes alike: each proof is
 * accepted once. One process; a fleet would use `RedisReplayStore` from `@tokenward/redis`.
 */
export const dpopReplay = new MemoryReplayStore();
