import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { JwtError } from '../errors/jwt-error.js';
import type { IssuerOptions } from '../types/issuer-options.js';
import { ISSUER_FIELDS } from '../verify/read-issuer-options.js';

/** What one issuer may say in `JWT_ISSUERS`: the JSON-shaped subset of `IssuerOptions`. */
const FIELDS = new Set<string>([
  'publicKey',
  ...ISSUER_FIELDS.filter((f) => f !== 'key' && f !== 'remoteJwks' && f !== 'revocation'),
]);

function fail(message: string): never {
  // Messages name variables and issuers' fields only, never values.
  throw new JwtError('ERR_JWT_CONFIG_INVALID', message);
}

/**
 * The `issuers` option from `JWT_ISSUERS` (a JSON object keyed by issuer) or `JWT_ISSUERS_FILE`
 * (the path of a file holding that JSON). Each entry takes `jwksUri`, `discovery: true` or
 * `publicKey` (PEM), and optionally `label`, `algorithms`, `audience`, `typ`, `requiredClaims`,
 * `maxTokenAge`, `clockTolerance`. The values themselves are checked by `createVerifier`.
 *
 * @param value - the JSON text, or `undefined`
 * @param file - the file path, or `undefined`
 * @returns the map, or `undefined` when neither variable is set
 */
export function issuersFromEnv(
  value: string | undefined,
  file: string | undefined,
): Record<string, IssuerOptions> | undefined {
  if (value !== undefined && file !== undefined) {
    fail('set only one of JWT_ISSUERS, JWT_ISSUERS_FILE, not both');
  }
  const name = value !== undefined ? 'JWT_ISSUERS' : 'JWT_ISSUERS_FILE';
  let text = value;
  if (file !== undefined) {
    try {
      text = readFileSync(file.trim(), 'utf8');
    } catch {
      fail('JWT_ISSUERS_FILE names a file that cannot be read');
    }
  }
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail(`${name} must be a JSON object keyed by issuer`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    fail(`${name} must be a JSON object keyed by issuer`);
  }
  const issuers: Record<string, IssuerOptions> = {};
  for (const [iss, entry] of Object.entries(parsed)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      fail(`${name}: every issuer must map to an object such as { "jwksUri": "https://..." }`);
    }
    const out: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(entry as Record<string, unknown>)) {
      if (!FIELDS.has(field)) fail(`${name}: "${field.slice(0, 40)}" is not an issuer field`);
      if (field === 'publicKey') out.key = publicKeyPem(v, `${name}: "publicKey"`);
      else out[field] = v;
    }
    Object.defineProperty(issuers, iss, { value: out, enumerable: true, writable: true });
  }
  return issuers;
}

/**
 * A PEM public key (or certificate) from an environment value: literal `\n` escapes (a PEM on
 * one line of a .env file) become newlines; a private key or anything unparsable is refused,
 * naming `what`, never the value.
 *
 * @param value - the value
 * @param what - how the message names it, e.g. `JWT_PUBLIC_KEY`
 */
export function publicKeyPem(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a PEM string`);
  const pem = value.includes('\n') ? value : value.replace(/\\n/g, '\n');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    fail(`${what} holds a private key; give the public key (or certificate) only`);
  }
  try {
    createPublicKey(pem);
  } catch {
    fail(`${what} must be a PEM public key or certificate`);
  }
  return pem;
}
