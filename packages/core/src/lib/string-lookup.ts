// Positions read from each end of a key when looking for the characters that tell keys apart.
const REACH = 64;
// At most this many positions are read per lookup.
const MAX_POSITIONS = 4;

/**
 * An exact-match lookup over a fixed set of string keys, for keys that arrive as fresh strings
 * (sliced out of a decoded token). Hashing such a string for a `Map` costs about 100 ns; this
 * reads a few characters chosen when the lookup is built (the positions, from either end, that
 * best tell the keys apart), finds the slot by that small number and confirms with `===`. The
 * answer is the `Map`'s: an exact match or `undefined`. The slots hold only the given keys, so a
 * key made up to collide costs one string comparison per key sharing its slot, never more.
 *
 * @param entries - the keys and their values (fixed from now on)
 * @returns `lookup(key)`: the value of exactly `key`, or `undefined`
 * @example
 * ```ts
 * const scopeOf = createStringLookup(new Map([['https://a.example', a], ['https://b.example', b]]));
 * scopeOf('https://b.example'); // b
 * ```
 */
export function createStringLookup<T>(
  entries: ReadonlyMap<string, T>,
): (key: string) => T | undefined {
  // A power of two at least twice the number of keys: the signature's low bits pick the slot.
  let size = 2;
  while (size < entries.size * 2) size *= 2;
  const mask = size - 1;
  const positions = choosePositions([...entries.keys()], mask);
  const slots: (Slot<T> | undefined)[] = new Array<Slot<T> | undefined>(size).fill(undefined);
  for (const [key, value] of entries) {
    const at = signature(key, positions) & mask;
    slots[at] = { key, value, next: slots[at] };
  }
  return (key) => {
    let slot = slots[signature(key, positions) & mask];
    while (slot !== undefined) {
      if (slot.key === key) return slot.value;
      slot = slot.next;
    }
    return undefined;
  };
}

// One key of a slot's chain.
interface Slot<T> {
  readonly key: string;
  readonly value: T;
  readonly next: Slot<T> | undefined;
}

// The length and the characters at `positions` (≥ 0 from the start, < 0 from the end; a
// position outside the key reads as 0), folded into a small integer.
function signature(key: string, positions: readonly number[]): number {
  let code = key.length;
  for (let i = 0; i < positions.length; i++) code = extend(code, key, positions[i]);
  return code;
}

// Greedily adds the position that spreads the keys over the most slots, until every key has its
// own or no position helps any more. Each round extends every key's partial signature by one
// candidate position and counts the slots hit (a stamp per slot: no allocation per candidate).
function choosePositions(keys: readonly string[], mask: number): number[] {
  const positions: number[] = [];
  const partial = Int32Array.from(keys, (key) => key.length);
  const stamps = new Uint32Array(mask + 1);
  let stamp = 0;
  const spread = (at: number | undefined): number => {
    stamp++;
    let count = 0;
    for (let k = 0; k < keys.length; k++) {
      const slot = extend(partial[k] as number, keys[k] as string, at) & mask;
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp;
        count++;
      }
    }
    return count;
  };
  let best = spread(undefined);
  while (best < keys.length && positions.length < MAX_POSITIONS) {
    let pick: number | undefined;
    for (let i = 0; i < REACH; i++) {
      for (const at of [i, -1 - i]) {
        const count = spread(at);
        if (count > best) [best, pick] = [count, at];
      }
    }
    if (pick === undefined) break;
    positions.push(pick);
    for (let k = 0; k < keys.length; k++) {
      partial[k] = extend(partial[k] as number, keys[k] as string, pick);
    }
  }
  return positions;
}

// One more position folded into a signature (`undefined`: none, the signature as it is).
function extend(code: number, key: string, at: number | undefined): number {
  if (at === undefined) return code;
  const char = key.charCodeAt(at < 0 ? key.length + at : at) | 0;
  return (Math.imul(code, 0x01000193) + char) | 0;
}
