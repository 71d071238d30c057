import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { importJwk } from './import-jwk.js';
import { keyError } from './check-key.js';
import { checkedKey, type CheckedKey } from './verification-key.js';

/**
 * Imports one verification key and checks it: an HMAC secret (string or bytes), a PEM public key
 * (SPKI, PKCS#1 RSA public key or X.509 certificate), a secret or public `KeyObject`, or one JWK.
 * Private keys are refused (a verifier needs only the public half). Throws `ERR_JWT_KEY_INVALID`
 * naming `option`.
 *
 * @param input - the configured (or resolver-returned) key
 * @param option - the option path for messages
 */
export function importKeyInput(input: unknown, option: string): CheckedKey {
  if (input instanceof KeyObject) {
    if (input.type === 'private') throw privateKey(option);
    return checkedKey(input, undefined, undefined, option);
  }
  if (typeof input === 'string') {
    if (!input.trimStart().startsWith('-----BEGIN')) {
      // An HMAC secret: its bytes as UTF-8. PEM-, JWK- and DER-looking text is refused by checkedKey.
      return checkedKey(createSecretKey(Buffer.from(input, 'utf8')), undefined, undefined, option);
    }
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(input)) throw privateKey(option);
    let keyObject: KeyObject;
    try {
      keyObject = createPublicKey(input);
    } catch {
      throw keyError(option, 'the PEM text is not a public key or certificate');
    }
    return checkedKey(keyObject, undefined, undefined, option);
  }
  if (input instanceof Uint8Array) {
    // Copied, so later changes to the caller's buffer cannot change the key.
    return checkedKey(createSecretKey(Buffer.from(input)), undefined, undefined, option);
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return importJwk(input, { option, allowOct: true });
  }
  throw keyError(
    option,
    'must be an HMAC secret (string or bytes), a PEM public key, a KeyObject or a JWK',
  );
}

function privateKey(option: string) {
  return keyError(option, 'a private key was given; configure the public key to verify');
}
