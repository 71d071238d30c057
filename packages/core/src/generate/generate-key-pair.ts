import { generateKeyPair as generateNodeKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { configError } from '../errors/jwt-error.js';
import { algorithmSpec, type AlgorithmSpec } from '../lib/algorithm-table.js';
import type { Algorithm } from '../types/algorithm.js';
import type { Jwk } from '../types/key-input.js';

const generate = promisify(generateNodeKeyPair);

/**
 * Options of {@link generateKeyPair}.
 *
 * @example
 * ```ts
 * const options: GenerateKeyPairOptions = { modulusLength: 3072, kid: '2024-06' };
 * ```
 */
export interface GenerateKeyPairOptions {
  /** RSA modulus size in bits (RSA and RSA-PSS algorithms): an integer ≥ 2048, multiple of 8. Default 2048. */
  modulusLength?: number;
  /** Key id written into `publicJwk.kid`. */
  kid?: string;
}

/**
 * A generated key pair: `privateKey` signs, `publicKey` (or `publicJwk`) verifies.
 *
 * @example
 * ```ts
 * const { privateKey, publicKey, publicJwk }: GeneratedKeyPair = await generateKeyPair('ES256');
 * ```
 */
export interface GeneratedKeyPair {
  /** The private key, for `createSigner`. Never publish it. */
  privateKey: KeyObject;
  /** The public key, for `createVerifier`. */
  publicKey: KeyObject;
  /** The public key as a JWK pinned to the algorithm (`alg`, `use: "sig"`, and `kid` if given). */
  publicJwk: Jwk;
}

function nodeArguments(spec: AlgorithmSpec, modulusLength: number): [string, object] {
  switch (spec.family) {
    case 'RSA':
    case 'RSA-PSS':
      // Plain `rsa` keys serve both RS* and PS*, as every JWK-based verifier expects.
      return ['rsa', { modulusLength, publicExponent: 0x10001 }];
    case 'EC':
      return ['ec', { namedCurve: spec.curve }];
    case 'OKP':
      return ['ed25519', {}];
    default:
      return configError('alg', 'must be an asymmetric algorithm (use generateSecret for HMAC)');
  }
}

/**
 * Generates a key pair for an asymmetric algorithm: RSA 2048 for RS* and PS*, P-256/P-384/P-521 for
 * ES256/ES384/ES512, Ed25519 for EdDSA. Runs off the main thread (`crypto.generateKeyPair`).
 *
 * @param alg - any supported algorithm except HS256/HS384/HS512
 * @param options - RSA modulus size and an optional `kid` for the JWK
 * @example
 * ```ts
 * const { privateKey, publicKey } = await generateKeyPair('EdDSA');
 * const signer = createSigner({ algorithm: 'EdDSA', key: privateKey, expiresIn: 900 });
 * const verifier = createVerifier({ algorithms: ['EdDSA'], key: publicKey });
 * ```
 */
export async function generateKeyPair(
  alg: Algorithm,
  options: GenerateKeyPairOptions = {},
): Promise<GeneratedKeyPair> {
  const spec = algorithmSpec(alg);
  if (spec === undefined) configError('alg', 'must be a supported algorithm');
  if (typeof options !== 'object' || options === null) configError('options', 'must be an object');
  const { modulusLength = 2048, kid } = options;
  if (!Number.isSafeInteger(modulusLength) || modulusLength < 2048 || modulusLength % 8 !== 0)
    configError('modulusLength', 'must be an integer >= 2048 and a multiple of 8');
  if (kid !== undefined && (typeof kid !== 'string' || kid === ''))
    configError('kid', 'must be a non-empty string');
  const [type, params] = nodeArguments(spec, modulusLength);
  const { privateKey, publicKey } = (await generate(type as 'rsa', params as never)) as unknown as {
    privateKey: KeyObject;
    publicKey: KeyObject;
  };
  const jwk = publicKey.export({ format: 'jwk' }) as Jwk;
  const publicJwk: Jwk = { ...jwk, ...(kid === undefined ? {} : { kid }), alg, use: 'sig' };
  return { privateKey, publicKey, publicJwk };
}
