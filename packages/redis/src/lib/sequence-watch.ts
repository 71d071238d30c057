/**
 * Notices missed pub/sub messages from the numbers every write carries (INCR of the store's
 * sequence key, in the same Lua script as the write and its PUBLISH). Messages of one slot
 * arrive in order, so a jump means one was lost, whatever the transport did (a Cluster
 * subscriber silently moving to another node included). A message lost at the end of a burst
 * shows up at the heartbeat: the counter promised a number that never arrived.
 */
export class SequenceWatch {
  #last: number | undefined; // every number up to this one was applied
  #seenWhileSyncing = 0;
  #promised: number | undefined; // the counter at the previous heartbeat, when ahead of #last

  /** A resynchronisation starts: numbers are only collected until {@link baseline}. */
  reset(): void {
    this.#last = undefined;
    this.#seenWhileSyncing = 0;
    this.#promised = undefined;
  }

  /**
   * The reload (which started after reading the counter at `counter`) completed.
   *
   * @param counter - the sequence key read after subscribing, before scanning
   */
  baseline(counter: number): void {
    this.#last = Math.max(counter, this.#seenWhileSyncing);
  }

  /**
   * A message's number.
   *
   * @param seq - the number
   * @returns `false` when messages between the last one and this one were missed
   */
  received(seq: number): boolean {
    if (this.#last === undefined) {
      this.#seenWhileSyncing = Math.max(this.#seenWhileSyncing, seq);
      return true;
    }
    if (seq <= this.#last) return true; // covered by the reload already
    if (seq !== this.#last + 1) return false;
    this.#last = seq;
    return true;
  }

  /**
   * The counter as a heartbeat read it.
   *
   * @param counter - the sequence key's value now
   * @returns `false` when a message the counter announced a heartbeat ago never arrived, or the
   *   counter went back (Redis lost its data)
   */
  check(counter: number): boolean {
    if (this.#last === undefined) return true;
    if (counter < this.#last) return false;
    const missed = this.#promised !== undefined && this.#last < this.#promised;
    this.#promised = counter > this.#last ? counter : undefined;
    return !missed;
  }
}
