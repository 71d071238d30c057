import { JwtError } from '../errors/jwt-error.js';
import { keyError, keyProblem } from '../keys/check-key.js';
import { importKeyInput } from '../keys/import-key-input.js';
import type { VerificationKey } from '../keys/key-source.js';
import type { CheckedKey } from '../keys/verification-key.js';
import type { AlgorithmSpec } from '../lib/algorithm-table.js';
import { createSignatureCheck, type SignatureCheck } from '../signature/signature-check.js';
import type { JwsHeader } from '../types/claims.js';
import type { HeaderEntry } from './check-header.js';
import type { KeyStrategy } from './key-strategy.js';
import { VERIFIER_DEFAULTS } from './verifier-defaults.js';

// Signature checks per key object and algorithm: a key is checked against an algorithm once.
const checks = new WeakMap<VerificationKey, Map<string, SignatureCheck>>();

/**
 * The signature check of `key` for the header's algorithm, after the key/alg binding (step 8): a
 * key pinned to another alg → `ERR_JWT_ALG_NOT_ALLOWED`; a key unfit for the alg (kty, curve,
 * size, exponent) → `ERR_JWT_KEY_INVALID`.
 *
 * @param key - a key from configuration, a resolver or a key source
 * @param spec - the header's (allow-listed) algorithm
 */
export function checkFor(key: VerificationKey, spec: AlgorithmSpec): SignatureCheck {
  let perAlg = checks.get(key);
  const known = perAlg?.get(spec.alg);
  if (known !== undefined) return known;
  if (!key.algorithms.has(spec.alg)) {
    if ((key as CheckedKey).pinned !== undefined) throw new JwtError('ERR_JWT_ALG_NOT_ALLOWED');
    throw keyError(
      'key',
      keyProblem(key.keyObject, spec.alg) ?? `the key does not fit ${spec.alg}`,
    );
  }
  const problem = keyProblem(key.keyObject, spec.alg);
  if (problem !== undefined) throw keyError('key', problem);
  const check = createSignatureCheck(key.keyObject, spec);
  if (perAlg === undefined) checks.set(key, (perAlg = new Map()));
  perAlg.set(spec.alg, check);
  return check;
}

/**
 * Resolves the key of a configured static key or JWK Set synchronously (steps 7–8): `Map` lookup
 * on the exact `kid`; a static JWK with a `kid` only matches tokens naming that `kid` (or none).
 *
 * @param strategy - a static or set strategy
 * @param entry - the checked header
 */
export function configuredCheck(strategy: KeyStrategy, entry: HeaderEntry): SignatureCheck {
  const kid = entry.header.kid;
  let key: CheckedKey | undefined;
  if (strategy.kind === 'static') {
    key = strategy.key;
    if (kid !== undefined && key.kid !== undefined && kid !== key.kid) key = undefined;
  } else if (strategy.kind === 'set') {
    key = kid !== undefined ? strategy.set.byKid(kid) : strategy.set.select(undefined, entry.alg);
  }
  if (key === undefined) throw new JwtError('ERR_JWT_KEY_NOT_FOUND');
  return checkFor(key, entry.spec);
}

const stringKeys = new Map<string, CheckedKey>();
const objectKeys = new WeakMap<object, CheckedKey>();

/**
 * Resolves the key through a resolver `(header) => key` or a key source (steps 7–8). A resolver
 * returning nothing → `ERR_JWT_KEY_NOT_FOUND`; a bad key → `ERR_JWT_KEY_INVALID`; a resolver or
 * source (a remote JWK Set) failing with anything but a `JwtError` → `ERR_JWKS_UNAVAILABLE`
 * (fail closed, 503); a resolver (the app's function) doing so → `ERR_JWT_CONFIG_INVALID` (500,
 * the app's failure, answered through the framework's error path).
 *
 * @param strategy - a resolver or source strategy
 * @param entry - the checked header
 */
export async function resolvedCheck(
  strategy: KeyStrategy,
  entry: HeaderEntry,
): Promise<SignatureCheck> {
  let key: VerificationKey;
  try {
    if (strategy.kind === 'source') {
      key = await strategy.source.resolve(entry.header, entry.alg);
      if (typeof key !== 'object' || key === null) throw new JwtError('ERR_JWT_KEY_NOT_FOUND');
    } else if (strategy.kind === 'resolver') {
      key = importResolved(await strategy.resolve(entry.header as JwsHeader));
    } else {
      return configuredCheck(strategy, entry);
    }
  } catch (err) {
    if (err instanceof JwtError) throw err;
    if (strategy.kind === 'source') {
      throw new JwtError('ERR_JWKS_UNAVAILABLE', 'The key could not be resolved', { cause: err });
    }
    // The app's resolver failed: its failure, not a key-set outage (no Retry-After). A resolver
    // that fronts a remote service says so by throwing ERR_JWKS_UNAVAILABLE itself.
    throw new JwtError(
      'ERR_JWT_CONFIG_INVALID',
      `The key resolver threw ${errorName(err)}; a resolver returns a key, undefined when it has none, or throws a JwtError (ERR_JWKS_UNAVAILABLE for an outage)`,
      { cause: err, details: { option: 'key', reason: 'resolver_threw' } },
    );
  }
  return checkFor(key, entry.spec);
}

// Imports what a resolver returned, once per object or string.
function importResolved(input: unknown): CheckedKey {
  if (input === undefined || input === null) throw new JwtError('ERR_JWT_KEY_NOT_FOUND');
  if (typeof input === 'string') {
    let key = stringKeys.get(input);
    if (key === undefined) {
      key = importKeyInput(input, 'key');
      if (stringKeys.size >= VERIFIER_DEFAULTS.resolvedKeyMemoSize) stringKeys.clear();
      stringKeys.set(input, key);
    }
    return key;
  }
  if (typeof input === 'object' && !(input instanceof Uint8Array)) {
    let key = objectKeys.get(input);
    if (key === undefined) objectKeys.set(input, (key = importKeyInput(input, 'key')));
    return key;
  }
  return importKeyInput(input, 'key');
}

function errorName(err: unknown): string {
  if (err instanceof Error) return `a ${err.name}`;
  return err === null ? 'null' : `a non-Error (${typeof err})`;
}
