import type { KeyObject } from 'node:crypto';
import { ALGORITHM_SPECS } from '../lib/algorithm-table.js';
import type { Algorithm } from '../types/algorithm.js';
import { keyError, keyProblem } from './check-key.js';
import type { VerificationKey } from './key-source.js';

/** A checked key plus the algorithm its JWK pinned it to, if any (internal). */
export interface CheckedKey extends VerificationKey {
  /** The JWK `alg` that pins this key, when present. */
  readonly pinned?: Algorithm;
}

/**
 * Checks a key once and records the algorithms it may serve: only `pinned` when a JWK `alg`
 * pinned it, otherwise every supported algorithm of its family that the key fits. Throws
 * `ERR_JWT_KEY_INVALID` naming `option` when the key serves none.
 *
 * @param keyObject - a secret, public or private key
 * @param pinned - the JWK `alg`, when present
 * @param kid - the key id, when known
 * @param option - the option path for messages
 */
export function checkedKey(
  keyObject: KeyObject,
  pinned: Algorithm | undefined,
  kid: string | undefined,
  option: string,
): CheckedKey {
  let algorithms: Set<Algorithm>;
  if (pinned !== undefined) {
    const problem = keyProblem(keyObject, pinned);
    if (problem !== undefined) throw keyError(option, problem);
    algorithms = new Set([pinned]);
  } else {
    algorithms = new Set();
    let firstProblem: string | undefined;
    for (const spec of ALGORITHM_SPECS.values()) {
      if (!familyMatches(keyObject, spec.family)) continue;
      const problem = keyProblem(keyObject, spec.alg);
      if (problem === undefined) algorithms.add(spec.alg);
      else firstProblem ??= problem;
    }
    if (algorithms.size === 0) {
      throw keyError(
        option,
        firstProblem ?? `a ${describe(keyObject)} key fits no supported algorithm`,
      );
    }
  }
  return kid === undefined
    ? { keyObject, algorithms, pinned }
    : { keyObject, algorithms, pinned, kid };
}

function familyMatches(key: KeyObject, family: string): boolean {
  if (key.type === 'secret') return family === 'HMAC';
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return family === 'RSA' || family === 'RSA-PSS';
    case 'rsa-pss':
      return family === 'RSA-PSS';
    case 'ec':
      return family === 'EC';
    case 'ed25519':
    case 'ed448':
    case 'x25519':
    case 'x448':
      return family === 'OKP';
    default:
      return false;
  }
}

function describe(key: KeyObject): string {
  return key.type === 'secret' ? 'secret' : (key.asymmetricKeyType ?? 'unknown');
}
