import { memoizeRecent } from '../../src/lib/memoize-recent.js';

describe('memoizeRecent', () => {
  function counted<T>(answer: (key: string) => T) {
    const calls: string[] = [];
    return { calls, compute: (key: string) => (calls.push(key), answer(key)) };
  }

  it('answers from the memo, undefined included, and computes each new key once', () => {
    const { calls, compute } = counted((key) => (key === 'none' ? undefined : key.toUpperCase()));
    const memo = memoizeRecent(compute, 10);
    expect([memo('a'), memo('a'), memo('none'), memo('none')]).toEqual([
      'A',
      'A',
      undefined,
      undefined,
    ]);
    expect(calls).toEqual(['a', 'none']);
  });

  it('keeps at most max answers, dropping the oldest first', () => {
    const { calls, compute } = counted((key) => key.length);
    const memo = memoizeRecent(compute, 2);
    for (const key of ['a', 'bb', 'ccc', 'bb', 'a']) memo(key);
    // 'ccc' pushed 'a' out; 'bb' was still held; 'a' is computed again.
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('keeps neither keys longer than longest nor throws', () => {
    const { calls, compute } = counted((key) => {
      if (key === 'bad') throw new Error('bad key');
      return key.length;
    });
    const memo = memoizeRecent(compute, 10, 3);
    expect(memo('long')).toBe(4);
    expect(memo('long')).toBe(4);
    expect(() => memo('bad')).toThrow('bad key');
    expect(() => memo('bad')).toThrow('bad key');
    expect(calls).toEqual(['long', 'long', 'bad', 'bad']);
  });
});
