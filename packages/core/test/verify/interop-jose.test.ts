import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ALGORITHMS, createVerifier, JwtError, type Algorithm } from '../../src/index.js';

// jose is the independent oracle: jose signs, tokenward verifies; tokens jose rejects under the
// same rules are rejected by tokenward too, with the matching code.
const NOW = 1_800_000_000;
const ISS = 'https://issuer.example.com/';
const AUD = 'https://api.example.com';

interface Pair {
  sign: KeyObject | Uint8Array;
  verify: KeyObject | Uint8Array;
}

function pairFor(alg: Algorithm): Pair {
  if (alg.startsWith('HS')) {
    const secret = randomBytes(64);
    return { sign: secret, verify: secret };
  }
  const { privateKey } =
    alg.startsWith('RS') || alg.startsWith('PS')
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : alg === 'EdDSA' || alg === 'Ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', {
            namedCurve: { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg as 'ES256'],
          });
  return { sign: privateKey, verify: createPublicKey(privateKey) };
}

async function joseSign(
  alg: Algorithm,
  pair: Pair,
  claims: JWTPayload,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, ...header }).sign(pair.sign);
}

const base = { iss: ISS, aud: AUD, sub: 'user-1', iat: NOW - 10, exp: NOW + 600, jti: 'id-1' };

// Scenario name → claims/header for jose to sign, and the code tokenward must answer (or null).
const scenarios: Array<[string, JWTPayload, Record<string, unknown>, string | null]> = [
  ['valid', base, {}, null],
  ['valid with typ at+jwt', base, { typ: 'at+jwt' }, null],
  ['expired', { ...base, exp: NOW - 1 }, {}, 'ERR_JWT_EXPIRED'],
  ['expiring exactly now', { ...base, exp: NOW }, {}, 'ERR_JWT_EXPIRED'],
  ['not yet valid', { ...base, nbf: NOW + 60 }, {}, 'ERR_JWT_NOT_YET_VALID'],
  ['other issuer', { ...base, iss: 'https://evil.example.com/' }, {}, 'ERR_JWT_ISSUER_MISMATCH'],
  [
    'other audience',
    { ...base, aud: ['https://other.example.com'] },
    {},
    'ERR_JWT_AUDIENCE_MISMATCH',
  ],
  ['audience array naming us', { ...base, aud: ['x', AUD] }, {}, null],
  ['no exp', { ...base, exp: undefined }, {}, 'ERR_JWT_CLAIM_INVALID'],
  ['exp as a string', { ...base, exp: String(NOW + 600) as never }, {}, 'ERR_JWT_CLAIM_INVALID'],
  ['wrong typ', base, { typ: 'JWT' }, 'ERR_JWT_TYPE_MISMATCH'],
];

describe.each(ALGORITHMS.map((alg) => [alg]))('jose signs %s, tokenward verifies', (alg) => {
  const pair = pairFor(alg);
  const ours = (typ?: string) =>
    createVerifier({
      algorithms: [alg],
      key: pair.verify,
      issuer: ISS,
      audience: AUD,
      clock: () => NOW * 1000,
      ...(typ ? { typ } : {}),
    });
  const theirs = (token: string, typ?: string) =>
    jwtVerify(token, pair.verify, {
      algorithms: [alg],
      issuer: ISS,
      audience: AUD,
      currentDate: new Date(NOW * 1000),
      requiredClaims: ['exp'],
      ...(typ ? { typ } : {}),
    });

  it.each(scenarios)('%s', async (name, claims, header, code) => {
    const token = await joseSign(alg, pair, claims, header);
    const typ = name.includes('typ') ? 'at+jwt' : undefined;
    const joseAccepts = await theirs(token, typ).then(
      () => true,
      () => false,
    );
    expect(joseAccepts).toBe(code === null);
    if (code === null) {
      const { header: h, payload } = await ours(typ).verify(token);
      expect({ ...payload }).toEqual(JSON.parse(JSON.stringify(claims)));
      expect(h.alg).toBe(alg);
    } else {
      await expect(ours(typ).verify(token)).rejects.toMatchObject({ code });
    }
  });

  it('accepts the key as PEM, JWK and JWK Set too (asymmetric) or as a string secret (HMAC)', async () => {
    const token = await joseSign(alg, pair, base);
    const forms: unknown[] = [];
    if (pair.verify instanceof Uint8Array) {
      forms.push(Buffer.from(pair.verify));
    } else {
      const jwk = pair.verify.export({ format: 'jwk' });
      forms.push(pair.verify.export({ format: 'pem', type: 'spki' }), jwk, {
        keys: [{ ...jwk, alg }],
      });
    }
    for (const key of forms) {
      const verifier = createVerifier({
        algorithms: [alg],
        key: key as never,
        clock: () => NOW * 1000,
      });
      await expect(verifier.verify(token)).resolves.toMatchObject({ payload: { sub: 'user-1' } });
    }
  });

  it('rejects what jose rejects after a one-bit change anywhere in the signature', async () => {
    const token = await joseSign(alg, pair, base);
    const dot = token.lastIndexOf('.');
    const signature = Buffer.from(token.slice(dot + 1), 'base64url');
    const middle = signature.length >> 1;
    signature[middle] = (signature[middle] as number) ^ 1;
    const forged = `${token.slice(0, dot + 1)}${signature.toString('base64url')}`;
    await expect(theirs(forged)).rejects.toThrow();
    const err = await ours()
      .verify(forged)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JwtError);
    expect((err as JwtError).code).toBe('ERR_JWT_SIGNATURE_INVALID');
  });
});

// RFC 9864: "Ed25519" and the older "EdDSA" name the same signature over an Ed25519 key, but they
// are distinct identifiers: each must be allow-listed by its own name.
describe('Ed25519 and EdDSA are separate allow-list entries', () => {
  const pair = pairFor('Ed25519');
  const claims = { ...base };
  const verifier = (algorithms: Algorithm[]) =>
    createVerifier({ algorithms, key: pair.verify, clock: () => NOW * 1000 });

  it.each([
    ['Ed25519', ['EdDSA']],
    ['EdDSA', ['Ed25519']],
  ] as const)('a %s token is refused by a verifier allowing only %s', async (alg, allowed) => {
    const token = await joseSign(alg, pair, claims);
    await expect(verifier([...allowed]).verify(token)).rejects.toMatchObject({
      code: 'ERR_JWT_ALG_NOT_ALLOWED',
    });
  });

  it('a verifier allowing both accepts both, with the same key', async () => {
    const both = verifier(['EdDSA', 'Ed25519']);
    for (const alg of ['EdDSA', 'Ed25519'] as const) {
      const { header } = await both.verify(await joseSign(alg, pair, claims));
      expect(header.alg).toBe(alg);
    }
  });
});
