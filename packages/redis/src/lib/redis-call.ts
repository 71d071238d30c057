import { JwtError } from '@tokenward/core';

// ioredis states (standalone and Cluster) in which a command would only wait in the offline
// queue or fail: answering 503 at once beats holding every request for timeoutMs.
const DOWN = new Set(['close', 'reconnecting', 'disconnecting', 'end']);

/** Seconds suggested to clients in `Retry-After` while Redis is unavailable. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * The fail-closed error: `ERR_REVOCATION_UNAVAILABLE` (503, `Retry-After`). The message names the
 * failure kind only; the Redis error is kept as `cause` for logs.
 *
 * @param reason - what went wrong, without token contents
 * @param cause - the underlying error, if any
 * @example
 * ```ts
 * throw unavailable('Redis is disconnected');
 * ```
 */
export function unavailable(reason: string, cause?: unknown): JwtError {
  return new JwtError('ERR_REVOCATION_UNAVAILABLE', `Revocation store unavailable: ${reason}`, {
    retryAfter: RETRY_AFTER_SECONDS,
    cause,
  });
}

/**
 * Runs one Redis command under the store's own deadline, whatever the injected client's
 * `enableOfflineQueue`, `commandTimeout` or `maxRetriesPerRequest` are. It rejects with
 * {@link unavailable} when the client is known to be down, when the command fails, or when no
 * answer came within `timeoutMs`. A late answer or late rejection of the command is consumed, so
 * it can never surface as an unhandled rejection.
 *
 * @param client - the ioredis client (its `status` is read, never changed)
 * @param timeoutMs - the deadline
 * @param run - sends the command
 * @param fail - builds the rejection (default {@link unavailable}, the revocation store's)
 * @example
 * ```ts
 * const values = await callRedis(client, 200, () => client.mget(keys));
 * ```
 */
export function callRedis<T>(
  client: { readonly status: string },
  timeoutMs: number,
  run: () => Promise<T>,
  fail: (reason: string, cause?: unknown) => JwtError = unavailable,
): Promise<T> {
  if (DOWN.has(client.status)) return Promise.reject(fail('Redis is disconnected'));
  let command: Promise<T>;
  try {
    command = run();
  } catch (err) {
    return Promise.reject(fail('the Redis command failed', err));
  }
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(fail(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    timer.unref();
    command.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(fail('the Redis command failed', err));
      },
    );
  });
}
