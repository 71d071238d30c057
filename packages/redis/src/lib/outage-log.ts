import type { RevocationLogger } from '../redis-revocation-store-options.js';

/**
 * Logs the start of each outage once: the first failed Redis answer after a success (or after
 * start) logs one line; further failures stay silent until an answer succeeds again.
 */
export class OutageLog {
  private down = false;

  /**
   * @param logger - where the line goes
   * @param failOpen - whether the store answers `false` during outages (changes the wording)
   */
  constructor(
    private readonly logger: RevocationLogger,
    private readonly failOpen: boolean,
  ) {}

  /**
   * Records a failure; logs when it starts an outage.
   *
   * @param reason - failure kind, never token contents
   */
  failed(reason: string): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      this.failOpen
        ? `tokenward: ${reason}; failOpen is set, so revoked tokens are ACCEPTED until Redis answers again`
        : `tokenward: ${reason}; revocation checks fail closed (503) until Redis answers again`,
    );
  }

  /** Records a successful answer: the outage, if any, is over. */
  succeeded(): void {
    this.down = false;
  }
}
