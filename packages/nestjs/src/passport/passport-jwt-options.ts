import { AsyncLocalStorage } from 'node:async_hooks';
import { type AuthenticatorOptions, configError, type KeyInput } from '@tokenward/core';

/**
 * passport-jwt's key callback: `(request, rawJwtToken, done(err, secretOrKey))`.
 *
 * @example
 * ```ts
 * const provider: SecretOrKeyProvider = (_req, _raw, done) => done(null, process.env.JWT_SECRET);
 * ```
 */
export type SecretOrKeyProvider = (
  request: unknown,
  rawJwtToken: string,
  done: (err: unknown, secretOrKey?: KeyInput | null) => void,
) => void;

/**
 * passport-jwt's `jsonWebTokenOptions` members tokenward understands.
 *
 * @example
 * ```ts
 * const jsonWebTokenOptions: JsonWebTokenOptions = { clockTolerance: 5, maxAge: 3600 };
 * ```
 */
export interface JsonWebTokenOptions {
  /** Same as tokenward's `clockTolerance` (seconds). */
  clockTolerance?: number;
  /** Maximum token age in seconds (tokenward `maxTokenAge`); time-span strings are refused. */
  maxAge?: number;
  /** Required `sub`. */
  subject?: string;
  /** Accepted issuer(s). */
  issuer?: string | string[];
  /** Accepted audience(s). */
  audience?: string | string[];
  /** Refused when `true`: expired tokens are never accepted. */
  ignoreExpiration?: boolean;
}

/**
 * passport-jwt's option names, accepted by `TokenwardStrategy` beside tokenward's own
 * (`algorithms` stays required: it is never inferred from the key).
 *
 * @example
 * ```ts
 * const options: PassportJwtOptions = { secretOrKey: process.env.JWT_SECRET };
 * ```
 */
export interface PassportJwtOptions {
  /** Same as tokenward's `key`. */
  secretOrKey?: KeyInput;
  /** A per-request key callback; prefer `key` with a JWK Set or a remote JWKS. */
  secretOrKeyProvider?: SecretOrKeyProvider;
  /** Refused when `true`: expired tokens are never accepted. */
  ignoreExpiration?: boolean;
  /** Options passport-jwt passed on to jsonwebtoken. */
  jsonWebTokenOptions?: JsonWebTokenOptions;
}

/** The request and token being verified, for `secretOrKeyProvider`. */
export const providerContext = new AsyncLocalStorage<{ request: unknown; token: string }>();

const JWT_OPTION_NAMES = new Set([
  'clockTolerance',
  'maxAge',
  'subject',
  'issuer',
  'audience',
  'ignoreExpiration',
]);

function refuseIgnoreExpiration(option: string, value: unknown): void {
  if (value === true) {
    configError(
      option,
      'is not supported: expired tokens are always refused (use clockTolerance for clock skew)',
    );
  }
}

function keyFromProvider(provider: SecretOrKeyProvider): AuthenticatorOptions['key'] {
  return () =>
    new Promise<KeyInput | undefined>((resolve, reject) => {
      const context = providerContext.getStore();
      if (context === undefined) return resolve(undefined);
      provider(context.request, context.token, (err, key) =>
        err ? reject(err) : resolve(key ?? undefined),
      );
    });
}

/**
 * Turns passport-jwt option names into tokenward authenticator options, refusing what would
 * weaken verification. Unknown `jsonWebTokenOptions` members are refused, not ignored.
 */
export function mapPassportJwtOptions(
  options: PassportJwtOptions & AuthenticatorOptions,
): AuthenticatorOptions {
  const { secretOrKey, secretOrKeyProvider, ignoreExpiration, jsonWebTokenOptions, ...rest } =
    options;
  refuseIgnoreExpiration('ignoreExpiration', ignoreExpiration);
  const mapped: AuthenticatorOptions = {};
  if (jsonWebTokenOptions !== undefined) {
    if (typeof jsonWebTokenOptions !== 'object' || jsonWebTokenOptions === null) {
      configError('jsonWebTokenOptions', 'must be an object');
    }
    for (const name of Object.keys(jsonWebTokenOptions)) {
      if (!JWT_OPTION_NAMES.has(name))
        configError(`jsonWebTokenOptions.${name}`, 'is not supported');
    }
    const { clockTolerance, maxAge, subject, issuer, audience } = jsonWebTokenOptions;
    refuseIgnoreExpiration(
      'jsonWebTokenOptions.ignoreExpiration',
      jsonWebTokenOptions.ignoreExpiration,
    );
    if (maxAge !== undefined && typeof maxAge !== 'number') {
      configError('jsonWebTokenOptions.maxAge', 'must be a number of seconds');
    }
    Object.assign(
      mapped,
      Object.fromEntries(
        Object.entries({ clockTolerance, maxTokenAge: maxAge, subject, issuer, audience }).filter(
          ([, v]) => v !== undefined,
        ),
      ),
    );
  }
  const keySources = [secretOrKey, secretOrKeyProvider, rest.key, rest.verifier].filter(
    (v) => v !== undefined,
  );
  if (keySources.length > 1) {
    configError('secretOrKey', 'give only one of secretOrKey, secretOrKeyProvider, key, verifier');
  }
  if (secretOrKeyProvider !== undefined && typeof secretOrKeyProvider !== 'function') {
    configError('secretOrKeyProvider', 'must be a function');
  }
  Object.assign(mapped, rest);
  if (secretOrKey !== undefined) mapped.key = secretOrKey;
  if (secretOrKeyProvider !== undefined) mapped.key = keyFromProvider(secretOrKeyProvider);
  return mapped;
}
