import { hash } from 'node:crypto';
import { base64urlValue } from '../lib/base64url.js';

// An id is kept as the 43 base64url characters of a SHA-256 (what the authenticator passes),
// 5 characters (30 bits) to a 32-bit word: nine words, no string on the JavaScript heap.
const ID_LENGTH = 43;
const WORDS = 9;
const MIN_CAPACITY = 64;
// Rebuilt (expired ids dropped, capacity fitted) when more than this share of slots is taken.
const MAX_LOAD = 0.6;

const EMPTY = 0;
const TAKEN = 1;

/** What {@link IdTable.record} did. */
export type RecordOutcome = 'new' | 'seen' | 'full';

/**
 * An open-addressing hash table of ids and their expiry (internal to `MemoryReplayStore`), in
 * typed arrays: a hundred thousand ids are a few megabytes that the garbage collector never
 * walks, and recording one allocates nothing. An expired id counts as absent; its slot is reused
 * by a later id on the same probe path, or dropped when the table is rebuilt.
 */
export class IdTable {
  #capacity = MIN_CAPACITY;
  #keys = new Uint32Array(MIN_CAPACITY * WORDS);
  #expiry = new Float64Array(MIN_CAPACITY);
  #state = new Uint8Array(MIN_CAPACITY);
  #taken = 0;
  readonly #key = new Uint32Array(WORDS);

  /** Slots taken, by unexpired ids and by expired ones not yet reused or dropped. */
  get taken(): number {
    return this.#taken;
  }

  /**
   * Records `id` until `expiresAt`: `'seen'` when it is held and unexpired (nothing changes),
   * `'full'` when `max` unexpired ids are held (nothing changes), else `'new'`.
   *
   * @param id - any string (a 43-character base64url id is used as it is, others are digested)
   * @param expiresAt - milliseconds since the epoch
   * @param now - the current time in milliseconds
   * @param max - most unexpired ids held
   */
  record(id: string, expiresAt: number, now: number, max: number): RecordOutcome {
    const key = this.#key;
    // Any other string by its SHA-256, with a prefix: equal to a 43-character id only through a
    // preimage of SHA-256, so that an id and the digest of it stay two ids.
    if (!pack(id, key)) pack(hash('sha256', `other-id:${id}`, 'base64url'), key);
    let slot = this.#home(key);
    let reusable = -1;
    while (this.#state[slot] !== EMPTY) {
      if (this.#holds(slot, key)) {
        if ((this.#expiry[slot] as number) > now) return 'seen';
        this.#expiry[slot] = expiresAt;
        return 'new';
      }
      if (reusable === -1 && (this.#expiry[slot] as number) <= now) reusable = slot;
      slot = (slot + 1) & (this.#capacity - 1);
    }
    if (reusable !== -1) {
      this.#write(reusable, key, expiresAt);
      return 'new';
    }
    if (this.#taken >= max || this.#taken + 1 > this.#capacity * MAX_LOAD) {
      if (this.#rebuild(now) >= max) return 'full';
      slot = this.#emptySlot(key);
    }
    this.#take(slot, key, expiresAt);
    return 'new';
  }

  // The first empty slot on the probe path of `key` (the table always has one).
  #emptySlot(key: Uint32Array): number {
    return firstEmpty(this.#state, this.#home(key), this.#capacity - 1);
  }

  #take(slot: number, key: Uint32Array, expiresAt: number): void {
    this.#write(slot, key, expiresAt);
    this.#state[slot] = TAKEN;
    this.#taken++;
  }

  #home(key: Uint32Array): number {
    return home(key, 0, this.#capacity - 1);
  }

  #holds(slot: number, key: Uint32Array): boolean {
    const at = slot * WORDS;
    for (let w = 0; w < WORDS; w++) if (this.#keys[at + w] !== key[w]) return false;
    return true;
  }

  #write(slot: number, key: Uint32Array, expiresAt: number): void {
    this.#keys.set(key, slot * WORDS);
    this.#expiry[slot] = expiresAt;
  }

  // Drops the expired ids and fits the capacity to the unexpired ones (about 2.5 times their
  // number, a power of two); returns how many there are. At an unchanged capacity the table is
  // mended in place: fresh memory costs a page fault per 4 KB on first touch (about 11 µs each
  // on a virtual machine), several times what moving the ids costs.
  #rebuild(now: number): number {
    const state = this.#state;
    const expiry = this.#expiry;
    const { length } = state;
    let live = 0;
    for (let slot = 0; slot < length; slot++) {
      if (state[slot] !== TAKEN) continue;
      if ((expiry[slot] as number) > now) live++;
      else state[slot] = EMPTY;
    }
    let capacity = MIN_CAPACITY;
    while (capacity * MAX_LOAD < (live + 1) * 1.5) capacity *= 2;
    if (capacity === length) this.#closeGaps();
    else this.#moveTo(capacity);
    this.#taken = live;
    return live;
  }

  // After slots were emptied: moves each id to the first empty slot on its probe path, so that no
  // probe path crosses an empty slot before its id. Walked once round the table from an empty
  // slot, so that every slot before the one being moved is already in place.
  #closeGaps(): void {
    const keys = this.#keys;
    const expiry = this.#expiry;
    const state = this.#state;
    const mask = this.#capacity - 1;
    let start = 0;
    while (state[start] !== EMPTY) start++;
    for (let step = 1; step <= mask; step++) {
      const slot = (start + step) & mask;
      if (state[slot] !== TAKEN) continue;
      const from = slot * WORDS;
      let to = home(keys, from, mask);
      while (to !== slot && state[to] !== EMPTY) to = (to + 1) & mask;
      if (to === slot) continue;
      keys.copyWithin(to * WORDS, from, from + WORDS);
      expiry[to] = expiry[slot] as number;
      state[to] = TAKEN;
      state[slot] = EMPTY;
    }
  }

  // Moves the ids (expired ones already emptied) into new arrays of `capacity` slots.
  #moveTo(capacity: number): void {
    const oldKeys = this.#keys;
    const oldExpiry = this.#expiry;
    const oldState = this.#state;
    const keys = new Uint32Array(capacity * WORDS);
    const expiry = new Float64Array(capacity);
    const state = new Uint8Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < oldState.length; old++) {
      if (oldState[old] !== TAKEN) continue;
      const from = old * WORDS;
      const slot = firstEmpty(state, home(oldKeys, from, mask), mask);
      keys.set(oldKeys.subarray(from, from + WORDS), slot * WORDS);
      expiry[slot] = oldExpiry[old] as number;
      state[slot] = TAKEN;
    }
    this.#capacity = capacity;
    this.#keys = keys;
    this.#expiry = expiry;
    this.#state = state;
  }
}

// Where the probe path of the key at `words[at]` starts, in a table of `mask + 1` slots.
function home(words: Uint32Array, at: number, mask: number): number {
  return ((words[at] as number) ^ (words[at + 1] as number)) & mask;
}

// The first empty slot from `slot` on, in a table of `mask + 1` slots (it always has one).
function firstEmpty(state: Uint8Array, slot: number, mask: number): number {
  let at = slot;
  while (state[at] !== EMPTY) at = (at + 1) & mask;
  return at;
}

// Packs a 43-character base64url id into nine words; false (and `out` unspecified) for any other
// string.
function pack(id: string, out: Uint32Array): boolean {
  if (id.length !== ID_LENGTH) return false;
  let word = 0;
  for (let at = 0; at < ID_LENGTH; at++) {
    const value = base64urlValue(id.charCodeAt(at));
    if (value === -1) return false;
    word = word * 64 + value;
    if (at % 5 === 4) {
      out[(at - 4) / 5] = word;
      word = 0;
    }
  }
  out[WORDS - 1] = word;
  return true;
}
