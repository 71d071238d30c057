import fc from 'fast-check';
import { MemoryReplayStore, type JwtError } from '@tokenward/core';

describe('MemoryReplayStore', () => {
  it('accepts an id once until it expires, then again', () => {
    const store = new MemoryReplayStore();
    expect(store.markUsed('a', 2000, 1000)).toBe(true);
    expect(store.markUsed('a', 2000, 1500)).toBe(false);
    expect(store.markUsed('b', 2000, 1500)).toBe(true);
    expect(store.markUsed('a', 3000, 2000)).toBe(true);
  });

  it('stays within max: expired ids make room, unexpired ones are never dropped (503)', () => {
    const store = new MemoryReplayStore({ max: 3 });
    expect(store.markUsed('a', 2000, 0)).toBe(true);
    expect(store.markUsed('b', 5000, 0)).toBe(true);
    expect(store.markUsed('c', 5000, 0)).toBe(true);
    expect(() => store.markUsed('d', 5000, 1000)).toThrow(
      expect.objectContaining({ code: 'ERR_DPOP_REPLAY_UNAVAILABLE', status: 503 }) as JwtError,
    );
    // 'a' expires at 2000: it makes room, and 'b' is still remembered.
    expect(store.markUsed('d', 5000, 2500)).toBe(true);
    expect(store.size).toBe(3);
    expect(store.markUsed('b', 5000, 2500)).toBe(false);
  });

  it('sweeps expired ids as it writes', () => {
    const store = new MemoryReplayStore();
    for (let i = 0; i < 100; i++) store.markUsed(`old-${i}`, 1000, 0);
    for (let i = 0; i < 20; i++) store.markUsed(`new-${i}`, 9000, 5000);
    expect(store.size).toBeLessThan(100);
  });

  it('answers as a plain model does, whatever the order of writes and expiries', () => {
    // The model: an id is held while its expiry is ahead of the clock; a write of a new id is
    // refused (503) while `max` ids are held. The clock only moves forward.
    const step = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      ttl: fc.integer({ min: 1, max: 50 }),
      advance: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(step, { maxLength: 120 }),
        (max, steps) => {
          const store = new MemoryReplayStore({ max });
          const model = new Map<string, number>();
          let now = 0;
          for (const { id, ttl, advance } of steps) {
            now += advance;
            for (const [held, expiresAt] of model) if (expiresAt <= now) model.delete(held);
            let expected: boolean | 'full';
            if (model.has(id)) expected = false;
            else if (model.size >= max) expected = 'full';
            else {
              model.set(id, now + ttl);
              expected = true;
            }
            let actual: boolean | 'full';
            try {
              actual = store.markUsed(id, now + ttl, now);
            } catch (err) {
              expect((err as JwtError).code).toBe('ERR_DPOP_REPLAY_UNAVAILABLE');
              actual = 'full';
            }
            expect(actual).toBe(expected);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it.each([0, -1, 1.5, 'many'])('refuses max %p naming the option', (max) => {
    expect(() => new MemoryReplayStore({ max: max as number })).toThrow(/"max"/);
  });
});
