import { configError, JwtError } from '../errors/jwt-error.js';
import { keyError, keyProblem } from '../keys/check-key.js';
import { importJwkSet, type CheckedKeySet } from '../keys/import-jwk-set.js';
import { importKeyInput } from '../keys/import-key-input.js';
import { KEY_SOURCE, type KeySource } from '../keys/key-source.js';
import type { CheckedKey } from '../keys/verification-key.js';
import { algorithmSpec } from '../lib/algorithm-table.js';
import type { Algorithm } from '../types/algorithm.js';
import type { KeyResolver } from '../types/key-input.js';

/** Where a verifier gets its keys (internal). */
export type KeyStrategy =
  | { readonly kind: 'static'; readonly key: CheckedKey }
  | { readonly kind: 'set'; readonly set: CheckedKeySet }
  | { readonly kind: 'resolver'; readonly resolve: KeyResolver }
  | { readonly kind: 'source'; readonly source: KeySource };

/**
 * Imports and checks the `key` option against the allow-list, at construction: a static key must
 * serve every allowed algorithm (one key, one family), a JWK Set must serve at least one and is
 * never combined with HMAC algorithms. Resolvers and key sources are checked per token.
 *
 * @param key - the `key` option, untrusted
 * @param algorithms - the validated allow-list
 */
export function buildKeyStrategy(key: unknown, algorithms: ReadonlySet<Algorithm>): KeyStrategy {
  if (key === undefined || key === null) configError('key', 'is required (or "issuers")');
  if (typeof key === 'function') return { kind: 'resolver', resolve: key as KeyResolver };
  if (typeof key === 'object' && (key as Partial<KeySource>)[KEY_SOURCE] === true) {
    if (typeof (key as KeySource).resolve !== 'function')
      configError('key', 'is not a usable key source');
    return { kind: 'source', source: key as KeySource };
  }
  if (isJwkSet(key)) {
    const set = importJwkSet(key, { lenient: false, option: 'key' });
    for (const alg of algorithms) {
      if (algorithmSpec(alg)?.family === 'HMAC') {
        throw new JwtError(
          'ERR_JWT_ALG_NOT_ALLOWED',
          `Invalid option "algorithms": ${alg} cannot be used with a JWK Set (it never supplies HMAC keys)`,
        );
      }
    }
    if (!set.keys.some((k) => [...algorithms].some((alg) => k.algorithms.has(alg)))) {
      throw keyError('key', 'no key of the JWK Set fits the allowed algorithms');
    }
    return { kind: 'set', set };
  }
  const checked = importKeyInput(key, 'key');
  for (const alg of algorithms) {
    if (checked.algorithms.has(alg)) continue;
    if (checked.pinned !== undefined) {
      throw new JwtError(
        'ERR_JWT_ALG_NOT_ALLOWED',
        `Invalid option "algorithms": ${alg} is not the key's pinned algorithm ${checked.pinned}`,
      );
    }
    throw keyError('key', keyProblem(checked.keyObject, alg) ?? `the key does not fit ${alg}`);
  }
  return { kind: 'static', key: checked };
}

function isJwkSet(key: unknown): boolean {
  return (
    typeof key === 'object' &&
    !Array.isArray(key) &&
    Object.hasOwn(key as object, 'keys') &&
    !Object.hasOwn(key as object, 'kty')
  );
}
