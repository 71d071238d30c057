import {
  constants,
  createHmac,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import type { Algorithm } from '../../src/index.js';

/** Fixed test time: NumericDate seconds and the matching `clock` option. */
export const NOW = 1_800_000_000;
export const clock = (): number => NOW * 1000;

/** base64url of text (UTF-8) or bytes, exactly as given. */
export const b64 = (data: string | Uint8Array): string =>
  Buffer.from(data as never, typeof data === 'string' ? 'utf8' : undefined).toString('base64url');

const text = (part: string | object): string =>
  typeof part === 'string' ? part : JSON.stringify(part);

/** A valid claims set at {@link NOW}. */
export const claims = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: 'user-1',
  iat: NOW - 10,
  exp: NOW + 600,
  ...extra,
});

/** A 64-byte HMAC secret (serves HS256/384/512). */
export const secret = randomBytes(64);

const HASH: Record<string, string> = { 256: 'sha256', 384: 'sha384', 512: 'sha512' };

/** Signs raw header/payload texts (or objects) with node:crypto, for hand-made tokens. */
export function signToken(
  alg: Algorithm | string,
  key: KeyObject | Uint8Array,
  header: string | object,
  payload: string | object,
): string {
  const input = `${b64(text(header))}.${b64(text(payload))}`;
  return `${input}.${signature(alg, key, input).toString('base64url')}`;
}

/** The raw signature of `input` for `alg`. */
export function signature(alg: string, key: KeyObject | Uint8Array, input: string): Buffer {
  const hash = HASH[alg.slice(2)] as string;
  if (alg.startsWith('HS'))
    return createHmac(hash, key as Uint8Array)
      .update(input)
      .digest();
  const data = Buffer.from(input);
  if (alg === 'EdDSA') return sign(null, data, key as KeyObject);
  if (alg.startsWith('ES'))
    return sign(hash, data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  if (alg.startsWith('PS')) {
    const saltLength = Number(alg.slice(2)) / 8;
    return sign(hash, data, {
      key: key as KeyObject,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength,
    });
  }
  return sign(hash, data, key as KeyObject);
}

/** An HS256 token over raw texts with {@link secret}. */
export const hs256 = (header: string | object, payload: string | object): string =>
  signToken('HS256', secret, header, payload);

/** Key pairs per family, generated once per test file. */
export const keys = {
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  p521: generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  ed25519: generateKeyPairSync('ed25519'),
};

/** The private key that signs `alg` in {@link keys}, and the public key that verifies it. */
export function pairFor(alg: Algorithm): {
  signKey: KeyObject | Uint8Array;
  verifyKey: KeyObject | Uint8Array;
} {
  if (alg.startsWith('HS')) return { signKey: secret, verifyKey: secret };
  const pair =
    alg.startsWith('RS') || alg.startsWith('PS')
      ? keys.rsa
      : alg === 'EdDSA'
        ? keys.ed25519
        : { ES256: keys.p256, ES384: keys.p384, ES512: keys.p521 }[alg as 'ES256'];
  return { signKey: pair.privateKey, verifyKey: pair.publicKey };
}

/** Snapshot of Object.prototype's own property names, to prove no input polluted it. */
export const prototypeKeys = (): string[] => Reflect.ownKeys(Object.prototype).map(String).sort();
