import * as api from '../src/index.js';

describe('@tokenward/redis public surface', () => {
  it('exports exactly these runtime values', () => {
    expect(Object.keys(api).sort()).toEqual(['REDIS_REVOCATION_DEFAULTS', 'RedisRevocationStore']);
  });
});
