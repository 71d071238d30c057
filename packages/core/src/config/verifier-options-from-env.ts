import { JwtError } from '../errors/jwt-error.js';
import { createRemoteJwks } from '../jwks/create-remote-jwks.js';
import { ALGORITHMS, type Algorithm } from '../types/algorithm.js';
import { issuersFromEnv, publicKeyPem } from './issuers-from-env.js';
import type { VerifierOptions } from '../types/verifier-options.js';
import { warnUnknownVariables } from './env-not-applied.js';

/**
 * The environment read by {@link verifierOptionsFromEnv}: `process.env` or any name → value map.
 *
 * @example
 * ```ts
 * const env: JwtEnv = { JWT_JWKS_URI: 'https://sso.example.com/jwks', JWT_ALGORITHMS: 'RS256' };
 * ```
 */
export type JwtEnv = Readonly<Record<string, string | undefined>>;

const KEY_VARIABLES = ['JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URI'] as const;

/**
 * Every variable tokenward reads, with the verifier option it gives; declared once, here where
 * they are read. `buildVerifier` uses it to name a variable that is set but not applied.
 */
export const ENV_VARIABLES: Readonly<Record<string, keyof VerifierOptions>> = Object.freeze({
  JWT_SECRET: 'key',
  JWT_PUBLIC_KEY: 'key',
  JWT_JWKS_URI: 'key',
  JWT_ALGORITHMS: 'algorithms',
  JWT_ISSUER: 'issuer',
  JWT_AUDIENCE: 'audience',
  JWT_CLOCK_TOLERANCE: 'clockTolerance',
});
const HS_MIN_BYTES: Partial<Record<Algorithm, number>> = { HS256: 32, HS384: 48, HS512: 64 };

function fail(message: string): never {
  // Messages name variables only, never their values.
  throw new JwtError('ERR_JWT_CONFIG_INVALID', message);
}

/**
 * A variable's value, `undefined` when unset or blank.
 *
 * @param env - the environment
 * @param name - the variable
 */
export function read(env: JwtEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * A comma- or space-separated list.
 *
 * @param value - the variable's value
 */
export function list(value: string): string[] {
  return value.split(/[\s,]+/).filter((v) => v !== '');
}

function algorithmsFrom(env: JwtEnv, keyVariable: string): Algorithm[] {
  const raw = read(env, 'JWT_ALGORITHMS');
  const hmac = keyVariable === 'JWT_SECRET';
  if (raw === undefined) {
    if (hmac) return ['HS256'];
    fail(`JWT_ALGORITHMS is required with ${keyVariable} (e.g. JWT_ALGORITHMS=RS256)`);
  }
  const algorithms = list(raw);
  for (const alg of algorithms) {
    if (!(ALGORITHMS as readonly string[]).includes(alg)) {
      fail(`JWT_ALGORITHMS lists an unknown algorithm; use some of ${ALGORITHMS.join(', ')}`);
    }
    if (alg.startsWith('HS') !== hmac) {
      fail(
        hmac
          ? 'JWT_ALGORITHMS must list only HS256, HS384 or HS512 with JWT_SECRET'
          : `JWT_ALGORITHMS must not list HMAC algorithms with ${keyVariable}`,
      );
    }
  }
  if (algorithms.length === 0) fail('JWT_ALGORITHMS is empty');
  return algorithms as Algorithm[];
}

/**
 * One value or a comma-separated list (`JWT_ISSUER`, `JWT_AUDIENCE`).
 *
 * @param value - the variable's value
 */
export function oneOrMany(value: string | undefined): string | string[] | undefined {
  if (value === undefined) return undefined;
  const values = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length === 1 ? values[0] : values;
}

/**
 * Verifier options from environment variables, so that `jwt()` with no arguments works in every
 * adapter. Exactly one key variable: `JWT_SECRET` (HMAC, HS256 unless `JWT_ALGORITHMS` says
 * HS384/HS512), `JWT_PUBLIC_KEY` (PEM; `\n` escapes are accepted) or `JWT_JWKS_URI` (a remote
 * JWK Set); `JWT_ALGORITHMS` (comma- or space-separated) is required for the last two.
 * `JWT_ISSUER` and `JWT_AUDIENCE` take one value or a comma-separated list. Instead of a key
 * variable and `JWT_ISSUER`, several issuers: `JWT_ISSUERS` (a JSON object keyed by issuer, each
 * entry `{ "jwksUri" | "discovery" | "publicKey", "audience", "algorithms", "label", ... }`) or
 * `JWT_ISSUERS_FILE` (the path of such a JSON file), with `JWT_ALGORITHMS` required;
 * `JWT_CLOCK_TOLERANCE` is whole seconds (0–300). Missing or contradictory variables throw
 * `ERR_JWT_CONFIG_INVALID` naming the variables, never their values. A set `JWT_*` variable
 * that is not one of these gets one process warning naming it (and the closest known name).
 *
 * @param env - the environment; default `process.env`
 * @returns options for `createVerifier` / `createAuthenticator`
 * @example
 * ```ts
 * import { createVerifier, verifierOptionsFromEnv } from '@tokenward/core';
 *
 * const verifier = createVerifier(
 *   verifierOptionsFromEnv({ JWT_SECRET: 'an example secret that is 32+ bytes long', JWT_ISSUER: 'me' }),
 * );
 * ```
 */
export function verifierOptionsFromEnv(env: JwtEnv = process.env): VerifierOptions {
  warnUnknownVariables(env);
  const present = KEY_VARIABLES.filter((name) => read(env, name) !== undefined);
  const issuers = issuersFromEnv(read(env, 'JWT_ISSUERS'), read(env, 'JWT_ISSUERS_FILE'));
  if (issuers !== undefined) {
    if (present.length > 0) fail(`set either JWT_ISSUERS or ${present.join(', ')}, not both`);
    if (read(env, 'JWT_ISSUER') !== undefined) {
      fail('set either JWT_ISSUERS or JWT_ISSUER, not both (JWT_ISSUERS names the issuers)');
    }
    return withCommonRules(env, { algorithms: algorithmsFrom(env, 'JWT_ISSUERS'), issuers });
  }
  if (present.length === 0) fail(`set one of ${KEY_VARIABLES.join(', ')} (or JWT_ISSUERS)`);
  if (present.length > 1) fail(`set only one of ${present.join(', ')}, not several`);
  const keyVariable = present[0] as (typeof KEY_VARIABLES)[number];
  const value = read(env, keyVariable) as string;
  const algorithms = algorithmsFrom(env, keyVariable);
  let key: VerifierOptions['key'];
  if (keyVariable === 'JWT_SECRET') {
    const bytes = Buffer.byteLength(value, 'utf8');
    const needed = Math.max(...algorithms.map((alg) => HS_MIN_BYTES[alg] ?? 0));
    if (bytes < needed)
      fail(`JWT_SECRET must be at least ${needed} bytes for ${algorithms.join(', ')}`);
    key = value;
  } else if (keyVariable === 'JWT_PUBLIC_KEY') {
    // .env files often hold a PEM on one line with literal "\n".
    key = publicKeyPem(value, 'JWT_PUBLIC_KEY');
  } else {
    try {
      key = createRemoteJwks(value.trim());
    } catch {
      fail('JWT_JWKS_URI must be an https: URL (http: only on loopback)');
    }
  }
  const options: VerifierOptions = { algorithms, key };
  const issuer = oneOrMany(read(env, 'JWT_ISSUER'));
  if (issuer !== undefined) options.issuer = issuer;
  return withCommonRules(env, options);
}

// JWT_AUDIENCE and JWT_CLOCK_TOLERANCE: the verifier's own, defaults of every issuer entry.
function withCommonRules(env: JwtEnv, options: VerifierOptions): VerifierOptions {
  const audience = oneOrMany(read(env, 'JWT_AUDIENCE'));
  if (audience !== undefined) options.audience = audience;
  const tolerance = read(env, 'JWT_CLOCK_TOLERANCE');
  if (tolerance !== undefined) {
    if (!/^\s*\d{1,3}\s*$/.test(tolerance) || Number(tolerance) > 300) {
      fail('JWT_CLOCK_TOLERANCE must be whole seconds between 0 and 300');
    }
    options.clockTolerance = Number(tolerance);
  }
  return options;
}
