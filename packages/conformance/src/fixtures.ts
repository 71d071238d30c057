// Keys and tokens of the conformance table. Tokens are built by hand on node:crypto, so every
// malformed or hostile shape can be expressed and none depends on tokenward's own signer.
import { createHash, createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** The frozen time of every server, in milliseconds (2025-06-15T14:40:00Z). */
export const NOW_MS = 1_750_000_000_000;
/** The frozen time in NumericDate seconds. */
export const NOW = NOW_MS / 1000;
/** The realm every conformance server announces. */
export const REALM = 'conformance';
/** Accepted issuer. */
export const ISSUER = 'https://issuer.conformance.test/';
/** Accepted audience. */
export const AUDIENCE = 'conformance-api';
/** The required header `typ` (RFC 9068 access tokens). */
export const TYP = 'at+jwt';
/** Name of the cookie that may carry the token. */
export const COOKIE = 'access_token';
/** `jti` of the token that the revocation store holds as revoked. */
export const REVOKED_JTI = 'revoked-jti';

/** The HS256 secret (32 bytes, derived so that it is stable between runs). */
export const SECRET = createHash('sha256').update('tokenward conformance secret').digest();
/** Another secret: tokens signed with it fail signature verification. */
export const OTHER_SECRET = createHash('sha256').update('somebody else').digest();

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

/** The key set a local JWKS server publishes. */
export const JWKS = {
  keys: [
    { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ],
};

/** base64url of a string or bytes. */
export const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** The default claims of a user token; `overrides` replace or (with `undefined`) remove claims. */
export function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-1',
    iat: NOW - 60,
    exp: NOW + 3600,
    jti: 'jti-user-1',
    roles: ['user'],
    scope: 'read:profile',
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[name];
    else base[name] = value;
  }
  return base;
}

/** Signs an HS256 compact JWS over raw JSON texts (so duplicates and odd shapes are possible). */
export function hs256Raw(header: string, payload: string, secret: Buffer = SECRET): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** Signs an HS256 token with header `{ alg, typ }` plus `header`, over `claims(overrides)`. */
export function hs256(
  overrides: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
  secret: Buffer = SECRET,
): string {
  const h = JSON.stringify({ alg: 'HS256', typ: TYP, ...header });
  return hs256Raw(h, JSON.stringify(claims(overrides)), secret);
}

function asymmetric(alg: 'RS256' | 'ES256', kid: string, key: KeyObject, body: object): string {
  const input = `${b64(JSON.stringify({ alg, typ: TYP, kid }))}.${b64(JSON.stringify(body))}`;
  const signature = sign('sha256', Buffer.from(input), {
    key,
    ...(alg === 'ES256' ? { dsaEncoding: 'ieee-p1363' as const } : {}),
  });
  return `${input}.${signature.toString('base64url')}`;
}

/** An RS256 token signed by the published key `rsa-1` (or another `kid`). */
export const rs256 = (overrides: Record<string, unknown> = {}, kid = 'rsa-1'): string =>
  asymmetric('RS256', kid, rsa.privateKey, claims(overrides));

/** An ES256 token signed by the published key `ec-1`. */
export const es256 = (overrides: Record<string, unknown> = {}): string =>
  asymmetric('ES256', 'ec-1', ec.privateKey, claims(overrides));

/** The `kid` that tries to inject a header through the challenge. */
export const HOSTILE_KID = 'k"1\r\nX-Injected: yes\r\n\\';
