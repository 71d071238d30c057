import * as api from '../src/index.js';

describe('@tokenward/redis public surface', () => {
  it('exports exactly these runtime values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'REDIS_REPLAY_DEFAULTS',
      'REDIS_REVOCATION_DEFAULTS',
      'RedisReplayStore',
      'RedisRevocationStore',
    ]);
  });
});
