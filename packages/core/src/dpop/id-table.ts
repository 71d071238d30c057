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
    let slot = this.#home(key);
    while (this.#state[slot] !== EMPTY) slot = (slot + 1) & (this.#capacity - 1);
    return slot;
  }

  #take(slot: number, key: Uint32Array, expiresAt: number): void {
    this.#write(slot, key, expiresAt);
    this.#state[slot] = TAKEN;
    this.#taken++;
  }

  #home(key: Uint32Array): number {
    return ((key[0] as number) ^ (key[1] as number)) & (this.#capacity - 1);
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

  // Keeps the unexpired ids only, in a table about 2.5 times their number (a power of two);
  // returns how many there are.
  #rebuild(now: number): number {
    const { length } = this.#state;
    let live = 0;
    for (let slot = 0; slot < length; slot++) {
      if (this.#state[slot] === TAKEN && (this.#expiry[slot] as number) > now) live++;
    }
    let capacity = MIN_CAPACITY;
    while (capacity * MAX_LOAD < (live + 1) * 1.5) capacity *= 2;
    const keys = this.#keys;
    const expiry = this.#expiry;
    const state = this.#state;
    this.#capacity = capacity;
    this.#keys = new Uint32Array(capacity * WORDS);
    this.#expiry = new Float64Array(capacity);
    this.#state = new Uint8Array(capacity);
    this.#taken = 0;
    // Not this.#key: it holds the id being recorded.
    const moving = new Uint32Array(WORDS);
    for (let old = 0; old < length; old++) {
      if (state[old] !== TAKEN || (expiry[old] as number) <= now) continue;
      moving.set(keys.subarray(old * WORDS, old * WORDS + WORDS));
      this.#take(this.#emptySlot(moving), moving, expiry[old] as number);
    }
    return live;
  }
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
