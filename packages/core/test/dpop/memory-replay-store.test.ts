import { createHash } from 'node:crypto';
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

  it('reclaims the room of expired ids as it writes', () => {
    const store = new MemoryReplayStore();
    for (let i = 0; i < 5_000; i++) store.markUsed(`old-${i}`, 1000, 0);
    for (let i = 0; i < 20_000; i++) store.markUsed(`new-${i}`, 9000, 5000);
    // Growing for the new ids drops the expired ones: 20 000 held, not 25 000.
    expect(store.size).toBe(20_000);
    expect(store.markUsed('new-19999', 9000, 5000)).toBe(false);
    expect(store.markUsed('old-4999', 9000, 5000)).toBe(true);
  });

  it('tells apart ids of every shape: SHA-256 ids as the authenticator makes them and any string', () => {
    const store = new MemoryReplayStore();
    const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
    const ids = [
      ...Array.from({ length: 3_000 }, (_, i) => digest(`key.${i}`)),
      // 43 characters that are not all base64url, and base64url of other lengths.
      `${'A'.repeat(42)}=`,
      `${'A'.repeat(42)}\u0141`,
      'A'.repeat(42),
      'A'.repeat(44),
      'A'.repeat(43),
      `${'A'.repeat(42)}B`,
      `B${'A'.repeat(42)}`,
      '',
      'a',
      '\u{1F600}',
      // A digest and the string whose digest it is are different ids.
      'key.0',
    ];
    for (const id of ids) expect(store.markUsed(id, 2000, 1000)).toBe(true);
    for (const id of ids) expect(store.markUsed(id, 2000, 1500)).toBe(false);
    expect(store.size).toBe(ids.length);
    // After expiry every one is new again, and the table holds no more than it did.
    for (const id of ids) expect(store.markUsed(id, 4000, 3000)).toBe(true);
    expect(store.size).toBe(ids.length);
  });

  it('still finds an id whose probe path wrapped round the table after expired ids before it are dropped', () => {
    // Ids made to share one probe start near the end of the 64-slot table the store starts with
    // (the start is read off the id's first ten characters): the third lands in the last slot
    // and, once the two before it expire, is moved back when the table is mended in place. It must
    // still be refused as a replay afterwards.
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const idAt = (start: number, n: number) =>
      `AAAA${ALPHABET[start]}AAAAA${String(n).padStart(33, 'A')}`;
    const store = new MemoryReplayStore({ max: 1000 });
    expect(store.markUsed(idAt(61, 1), 1000, 0)).toBe(true);
    expect(store.markUsed(idAt(61, 2), 1000, 0)).toBe(true);
    expect(store.markUsed(idAt(61, 3), 9000, 0)).toBe(true);
    // Short-lived ids elsewhere until the next write has to mend the table (38 of 64 slots).
    for (let n = 0; n < 35; n++) expect(store.markUsed(idAt(10 + n, 4), 1000, 0)).toBe(true);
    expect(store.size).toBe(38);
    expect(store.markUsed(idAt(5, 5), 9000, 2000)).toBe(true);
    expect(store.size).toBe(2);
    expect(store.markUsed(idAt(61, 3), 9000, 2000)).toBe(false);
    expect(store.markUsed(idAt(5, 5), 9000, 2000)).toBe(false);
    expect(store.markUsed(idAt(61, 1), 9000, 2000)).toBe(true);
  });

  // The model: an id is held while its expiry is ahead of the clock; a write of a new id is
  // refused (503) while `max` ids are held. The clock only moves forward.
  function matchesModel(max: number, steps: { id: string; ttl: number; advance: number }[]): void {
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
  }
  const digestId = (i: number) => createHash('sha256').update(`${i}`).digest('base64url');

  it('answers as a plain model does, whatever the order of writes and expiries', () => {
    const step = fc.record({
      id: fc.oneof(
        fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
        fc.integer({ min: 0, max: 7 }).map(digestId),
      ),
      ttl: fc.integer({ min: 1, max: 50 }),
      advance: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(step, { maxLength: 120 }), matchesModel),
      { numRuns: 2_000 },
    );
  });

  it('answers as the model does while it grows and rebuilds (hundreds of ids)', () => {
    const step = fc.record({
      id: fc.oneof(fc.integer({ min: 0, max: 599 }).map(digestId), fc.nat(599).map(String)),
      ttl: fc.integer({ min: 1, max: 400 }),
      advance: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 700 }),
        fc.array(step, { minLength: 500, maxLength: 2_000 }),
        matchesModel,
      ),
      { numRuns: 40 },
    );
  });

  it.each([0, -1, 1.5, 'many'])('refuses max %p naming the option', (max) => {
    expect(() => new MemoryReplayStore({ max: max as number })).toThrow(/"max"/);
  });
});
