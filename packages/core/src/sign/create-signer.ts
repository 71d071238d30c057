import { checkOptionNames } from '../config/check-option-names.js';
import { randomUUID } from 'node:crypto';
import { configError, JwtError } from '../errors/jwt-error.js';
import { ALGORITHMS, type Algorithm } from '../types/algorithm.js';
import type { JwtClaims } from '../types/claims.js';
import { importSigningKey } from './import-signing-key.js';
import { serializeClaims } from './serialize-claims.js';
import { signatureFunction } from './sign-bytes.js';
import {
  checkedString,
  readSignSettings,
  SIGNER_DEFAULTS,
  type SignSettings,
} from './signer-options.js';
import type { Signer, SignerOptions, SignOptions } from './signer-types.js';

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The options of one `sign()` call, declared once. */
const SIGN_OPTION_KEYS = ['expiresIn', 'issuer', 'audience', 'typ'] as const;
/** Every option of `createSigner`, declared once (`dpopJkt` is per token only). */
const SIGNER_OPTION_KEYS = [...SIGN_OPTION_KEYS, 'algorithm', 'key', 'kid', 'clock'] as const;
/** The options of one `sign()` call: the defaults it may override, and the per-token binding. */
const SIGN_CALL_KEYS = [...SIGN_OPTION_KEYS, 'dpopJkt'] as const;
// jsonwebtoken's sign options, which hold claims here.
const SIGNER_HINTS: Readonly<Record<string, string>> = {
  keyid: 'use "kid"',
  subject: 'put "sub" in the claims',
  notBefore: 'put "nbf" in the claims',
  jwtid: 'put "jti" in the claims',
  header: 'the header is built from algorithm, typ and kid',
  algorithms: 'a signer uses one "algorithm"',
};
// A base64url SHA-256 thumbprint (RFC 7638 with RFC 9449 §6.1's hash).
const JKT = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/**
 * Creates a JWT signer for login flows and tests. Every option is checked now: the key by the
 * verifier's rules (`ERR_JWT_KEY_INVALID` naming `key`: short or PEM-looking HMAC secrets, RSA
 * under 2048 bits or with a bad exponent, a curve that does not fit the algorithm, non-Ed25519
 * OKP keys, public keys), everything else with `ERR_JWT_CONFIG_INVALID` naming the option.
 *
 * Each token gets the header `{ alg, typ: 'JWT', kid? }` and the claims `iss`, `aud`, `iat`,
 * `exp = iat + expiresIn` (15 minutes by default) and a random `jti` (`crypto.randomUUID()`),
 * before the caller's own claims are applied (see {@link Signer.sign}). ECDSA signatures are
 * randomized (OpenSSL does not offer RFC 6979 nonces through node:crypto).
 *
 * @param options - algorithm, key, and optional issuer, audience, expiresIn, typ, kid, clock
 * @example
 * ```ts
 * const signer = createSigner({
 *   algorithm: 'HS256',
 *   key: secret,
 *   issuer: 'https://auth.example.com/',
 *   audience: 'https://api.example.com',
 *   expiresIn: '15m',
 * });
 * const token = await signer.sign({ sub: 'alice', roles: ['admin'] });
 * ```
 */
export function createSigner(options: SignerOptions): Signer {
  if (typeof options !== 'object' || options === null) configError('options', 'must be an object');
  checkOptionNames(options, SIGNER_OPTION_KEYS, 'createSigner()', SIGNER_HINTS);
  const { algorithm, key, kid, clock = Date.now } = options;
  if (!ALGORITHMS.includes(algorithm as Algorithm)) {
    configError('algorithm', `must be one of ${ALGORITHMS.join(', ')}`);
  }
  if (kid !== undefined) checkedString(kid, 'kid');
  if (typeof clock !== 'function') configError('clock', 'must be a function');
  const base = readSignSettings(
    options,
    { ...SIGNER_DEFAULTS, issuer: undefined, audience: undefined },
    '',
  );
  const signature = signatureFunction(algorithm, importSigningKey(key, algorithm));
  const header = (typ: string) =>
    base64urlJson(kid === undefined ? { alg: algorithm, typ } : { alg: algorithm, typ, kid });
  const baseHeader = header(base.typ);

  return {
    algorithm,
    async sign<T extends JwtClaims>(claims: T = {} as T, callOptions?: SignOptions) {
      if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
        configError('claims', 'must be an object');
      }
      checkOptionNames(callOptions, SIGN_CALL_KEYS, 'sign()', SIGNER_HINTS);
      const settings: SignSettings =
        callOptions === undefined ? base : readSignSettings(callOptions, base, 'options.');
      const ms = clock();
      if (typeof ms !== 'number' || !Number.isFinite(ms))
        configError('clock', 'must return a finite number');
      const iat = Math.floor(ms / 1000);
      const payload: Record<string, unknown> = {
        iss: settings.issuer,
        aud: settings.audience,
        iat,
        exp: iat + settings.expiresIn,
        jti: randomUUID(),
        ...claims,
      };
      const dpopJkt = callOptions?.dpopJkt;
      if (dpopJkt !== undefined) {
        if (typeof dpopJkt !== 'string' || !JKT.test(dpopJkt)) {
          configError(
            'options.dpopJkt',
            'must be an RFC 7638 SHA-256 thumbprint (43 base64url characters)',
          );
        }
        if (payload.cnf !== undefined)
          configError('options.dpopJkt', 'cannot be combined with a cnf claim');
        payload.cnf = { jkt: dpopJkt };
      }
      const encodedHeader = settings.typ === base.typ ? baseHeader : header(settings.typ);
      const input = `${encodedHeader}.${Buffer.from(serializeClaims(payload), 'utf8').toString('base64url')}`;
      let bytes: Buffer;
      try {
        bytes = await signature(input);
      } catch (cause) {
        throw new JwtError('ERR_JWT_KEY_INVALID', 'Signing failed with the configured "key"', {
          cause,
        });
      }
      return `${input}.${bytes.toString('base64url')}`;
    },
  };
}
