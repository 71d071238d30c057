// The contract between the conformance table and one adapter. Adding an adapter is one file in
// src/adapters/ exporting `adapter: ConformanceAdapter`; the test discovers it.
import type { AuthenticatorOptions } from '@tokenward/core';

/**
 * What an adapter's app is built from. Every adapter builds the same app:
 *
 * | route | middleware | 200 body |
 * |---|---|---|
 * | every route | app-wide authentication with `auth`, except `/public` and `/optional` (the adapter's `.unless()` / `@Public()`) | |
 * | `GET /public` | none | `{ "public": true }` |
 * | `GET` and `POST /protected` | none beyond the app-wide one | `{ "sub": <sub> }` |
 * | `GET /admin` | role `admin` | `{ "sub": <sub> }` |
 * | `GET /staff` | any of the roles `admin`, `editor` | `{ "sub": <sub> }` |
 * | `GET /reports` | scope `read:reports` | `{ "sub": <sub> }` |
 * | `GET /verified` | claims predicate `email_verified === true` | `{ "sub": <sub> }` |
 * | `GET /optional` | authentication with `{ ...auth, credentialsRequired: false }` | `{ "sub": <sub or null> }` |
 *
 * Failures are answered by the adapter's defaults, with no error handling of the app's own.
 */
export interface AppConfig {
  /**
   * Options of the authentication step: core's `AuthenticatorOptions`, which every adapter takes
   * as they are (`getToken` aside, whose argument is the framework's request).
   */
  readonly auth: Omit<AuthenticatorOptions, 'getToken'>;
}

/** A started app. */
export interface RunningApp {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

/** One framework (and major version) under test. */
export interface ConformanceAdapter {
  /** Display name, e.g. `express5`. */
  readonly name: string;
  /** Builds the app of {@link AppConfig} and listens on 127.0.0.1 at a free port. */
  start(config: AppConfig): Promise<RunningApp>;
  /**
   * The error body the framework sends for core's `{ error, error_description, code }` when it
   * frames it its own way; default: that body as it is. Nest's `HttpException` bodies also carry
   * `statusCode`, which every Nest consumer (filters, GraphQL drivers) looks for.
   */
  readonly errorBody?: (body: Record<string, unknown>, status: number) => unknown;
}
