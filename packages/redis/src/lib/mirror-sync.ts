import type { Cluster, Redis } from 'ioredis';
import type { RevocationRedisClient } from '../redis-revocation-store-options.js';
import type { KeyLayout } from './key-codec.js';
import { MirrorTable } from './mirror-table.js';
import { callRedis, unavailable } from './redis-call.js';
import { reloadMirror } from './reload.js';
import { SequenceWatch } from './sequence-watch.js';

/** Where a mirror stands: only `live` answers locally. */
export type MirrorState = 'syncing' | 'live' | 'closed';

const SWEEP_EVERY_MS = 60_000;

// A new connection with the client's options (same call on both ioredis classes).
const duplicate = (client: RevocationRedisClient): RevocationRedisClient =>
  (client as { isCluster?: boolean }).isCluster === true
    ? (client as Cluster).duplicate()
    : (client as Redis).duplicate();
const noop = (): void => undefined;

/**
 * Keeps a {@link MirrorTable} equal to the store's Redis entries: subscribe, read the write
 * counter, then reload (so no write falls between the two), then apply every announced entry.
 * Any sign that messages may have been missed (the subscriber closed or reconnects, a heartbeat
 * PING went unanswered, a write number was skipped or never arrived — see {@link SequenceWatch})
 * makes the mirror `syncing` until the next full resynchronisation succeeds; meanwhile the store
 * reads Redis directly, and so fails closed when Redis is gone.
 */
export class MirrorSync {
  /** The mirrored entries. */
  readonly table: MirrorTable;
  readonly #sequence = new SequenceWatch();
  #state: MirrorState = 'syncing';
  #generation = 0; // bumped on every loss; a sync that saw one does not go live
  #syncing = false;
  #pinging = false;
  #lastSweep = Date.now();
  #waiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  readonly #subscriber: RevocationRedisClient;
  readonly #owned: boolean;
  readonly #listeners: Array<[string, (...args: string[]) => void]>;
  readonly #timer: NodeJS.Timeout;

  /**
   * @param client - the store's client (reloads read through it)
   * @param layout - the store's key layout
   * @param subscriber - a dedicated connection, or `undefined` to own `client.duplicate()`
   * @param heartbeatMs - PING interval on the subscriber
   * @param timeoutMs - deadline of every command
   */
  constructor(
    private readonly client: RevocationRedisClient,
    private readonly layout: KeyLayout,
    subscriber: RevocationRedisClient | undefined,
    heartbeatMs: number,
    private readonly timeoutMs: number,
  ) {
    this.table = new MirrorTable(layout.base);
    this.#owned = subscriber === undefined;
    this.#subscriber = subscriber ?? duplicate(client);
    const lost = (): void => this.#lost();
    this.#listeners = [
      ['message', (channel: string, message: string) => this.#onMessage(channel, message)],
      ['ready', () => this.#sync()],
      ['close', lost],
      ['end', lost],
      ['reconnecting', lost],
    ];
    // Our own duplicate's errors surface as close/reconnect; without a listener ioredis prints them.
    if (this.#owned) this.#subscriber.on('error', noop);
    for (const [event, listener] of this.#listeners) this.#subscriber.on(event, listener);
    this.#timer = setInterval(() => this.#tick(), heartbeatMs);
    this.#timer.unref();
    this.#sync();
  }

  /** The current state. */
  get state(): MirrorState {
    return this.#state;
  }

  /** Resolves once the mirror is live; rejects if it is closed first. */
  ready(): Promise<void> {
    if (this.#state === 'live') return Promise.resolve();
    if (this.#state === 'closed') return Promise.reject(unavailable('the store is closed'));
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Stops timers and listeners; closes the subscriber only when the mirror owns it. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    clearInterval(this.#timer);
    for (const [event, listener] of this.#listeners) this.#subscriber.off(event, listener);
    for (const waiter of this.#waiters.splice(0)) waiter.reject(unavailable('the store is closed'));
    this.table.clear();
    if (this.#owned) {
      this.#subscriber.disconnect();
      return;
    }
    const sub = this.#subscriber;
    await callRedis(sub, this.timeoutMs, () => sub.unsubscribe(this.layout.channel)).catch(noop);
  }

  #onMessage(channel: string, message: string): void {
    if (channel !== this.layout.channel || this.#state === 'closed') return;
    const [seq, key, value, extra] = message.split('\n');
    if (value === undefined || extra !== undefined || !this.layout.owns(key!)) return;
    this.table.apply(key!, value, Date.now());
    if (!this.#sequence.received(Number(seq))) this.#resync();
  }

  // Messages were missed while the subscription stayed up: reload now.
  #resync(): void {
    this.#lost();
    if (this.#subscriber.status === 'ready') this.#sync();
  }

  // The sequence key's value (0 before the first write), read on the store's client.
  async #counter(): Promise<number> {
    const client = this.client;
    const value = await callRedis(client, this.timeoutMs, () => client.get(this.layout.sequence));
    return Number(value ?? 0);
  }

  #lost(): void {
    if (this.#state === 'closed') return;
    this.#generation += 1;
    this.#state = 'syncing';
  }

  #sync(): void {
    if (this.#syncing || this.#state === 'closed') return;
    this.#syncing = true;
    const generation = this.#generation;
    const sub = this.#subscriber;
    let counter = 0;
    this.#sequence.reset();
    callRedis(sub, this.timeoutMs, () => sub.subscribe(this.layout.channel))
      .then(() => this.#counter())
      .then((value) => {
        counter = value;
        return reloadMirror(this.client, this.layout, this.table, this.timeoutMs);
      })
      .then(
        () => {
          this.#syncing = false;
          if (this.#state === 'closed') return;
          if (generation !== this.#generation) {
            // Lost during the reload: start again once the subscriber is back ('ready' or tick).
            if (sub.status === 'ready') this.#sync();
            return;
          }
          this.#sequence.baseline(counter);
          this.#state = 'live';
          for (const waiter of this.#waiters.splice(0)) waiter.resolve();
        },
        () => {
          this.#syncing = false; // retried by the next tick or 'ready'
        },
      );
  }

  #tick(): void {
    const now = Date.now();
    if (now - this.#lastSweep >= SWEEP_EVERY_MS) {
      this.#lastSweep = now;
      this.table.sweep(now);
    }
    if (this.#state === 'syncing') {
      if (this.#subscriber.status === 'ready' || this.#subscriber.status === 'wait') this.#sync();
      return;
    }
    if (this.#state !== 'live' || this.#pinging) return;
    this.#pinging = true;
    const generation = this.#generation;
    const sub = this.#subscriber;
    const ping = callRedis(sub, this.timeoutMs, () => sub.ping()).then(
      () => true,
      () => false,
    );
    // A failed counter read says nothing about the subscription: only the PING decides that.
    const counter = this.#counter().catch(() => undefined);
    void Promise.all([ping, counter]).then(([answered, value]) => {
      this.#pinging = false;
      if (generation !== this.#generation || this.#state !== 'live') return;
      if (!answered) this.#lost();
      else if (value !== undefined && !this.#sequence.check(value)) this.#resync();
    });
  }
}
