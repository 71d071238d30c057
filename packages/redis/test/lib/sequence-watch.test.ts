import { SequenceWatch } from '../../src/lib/sequence-watch.js';

describe('SequenceWatch', () => {
  it('accepts consecutive numbers and refuses a jump', () => {
    const watch = new SequenceWatch();
    watch.baseline(10);
    expect(watch.received(11)).toBe(true);
    expect(watch.received(12)).toBe(true);
    expect(watch.received(10)).toBe(true); // older than the reload: already covered
    expect(watch.received(14)).toBe(false);
  });

  it('collects numbers while syncing and continues from the highest', () => {
    const watch = new SequenceWatch();
    watch.reset();
    expect(watch.received(7)).toBe(true);
    expect(watch.received(8)).toBe(true);
    watch.baseline(6);
    expect(watch.received(9)).toBe(true);
    expect(watch.received(11)).toBe(false);
  });

  it('gives an announced number one heartbeat to arrive', () => {
    const watch = new SequenceWatch();
    watch.baseline(3);
    expect(watch.check(3)).toBe(true);
    expect(watch.check(4)).toBe(true); // in flight, maybe
    expect(watch.received(4)).toBe(true);
    expect(watch.check(5)).toBe(true);
    expect(watch.check(5)).toBe(false); // 5 never came
  });

  it('refuses a counter that went back (Redis lost its data)', () => {
    const watch = new SequenceWatch();
    watch.baseline(20);
    expect(watch.check(2)).toBe(false);
  });

  it('has nothing to say before a baseline', () => {
    const watch = new SequenceWatch();
    expect(watch.check(100)).toBe(true);
    expect(watch.received(50)).toBe(true);
  });
});
