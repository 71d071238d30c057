// Every verifier under test, configured for the same checks: one allowed algorithm, the key
// imported once, exp (and nbf where the library checks it), iss and aud.
import { createSecretKey, webcrypto } from 'node:crypto';
import { createVerifier as fastJwtVerifier } from 'fast-jwt';
import { importSPKI, jwtVerify } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import * as tokenward from '@tokenward/core';
import { createFloorVerifier } from './floor.mjs';
import { AUDIENCE, ISSUER } from './tokens.mjs';

async function joseKey(keys) {
  if (keys.spec.family !== 'HMAC') return importSPKI(keys.publicPem, keys.alg);
  return webcrypto.subtle.importKey('raw', keys.secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
}

/**
 * The verifiers for one algorithm: `{ name, verify, isAsync }`, or `{ name, skip }` when a
 * library cannot take part (jsonwebtoken has no EdDSA).
 */
export async function makeVerifiers(keys, { cache = false } = {}) {
  const { alg } = keys;
  const key = keys.spec.family === 'HMAC' ? keys.secret : keys.publicPem;
  const list = [];
  if (typeof tokenward.createVerifier === 'function') {
    const verifier = tokenward.createVerifier({
      algorithms: [alg],
      key: keys.spec.family === 'HMAC' ? keys.secret : keys.publicKey,
      issuer: ISSUER,
      audience: AUDIENCE,
      cache,
    });
    list.push({ name: 'tokenward', verify: (t) => verifier.verify(t), isAsync: true });
  } else {
    list.push({ name: 'tokenward', skip: 'createVerifier not built yet' });
  }
  const fast = fastJwtVerifier({
    key,
    algorithms: [alg],
    allowedIss: ISSUER,
    allowedAud: AUDIENCE,
    ...(cache ? { cache: true } : {}),
  });
  list.push({ name: 'fast-jwt', verify: fast, isAsync: false });
  if (cache) return list; // jose, jsonwebtoken and the floor have no cache
  const joseKeyObject = await joseKey(keys);
  list.push({
    name: 'jose',
    verify: (t) =>
      jwtVerify(t, joseKeyObject, { algorithms: [alg], issuer: ISSUER, audience: AUDIENCE }),
    isAsync: true,
  });
  if (alg === 'EdDSA') list.push({ name: 'jsonwebtoken', skip: 'no EdDSA support' });
  else {
    // KeyObjects: given a Buffer, jsonwebtoken first tries (and fails) createPublicKey per call.
    const jwtKey = keys.spec.family === 'HMAC' ? createSecretKey(keys.secret) : keys.publicKey;
    const options = { algorithms: [alg], issuer: ISSUER, audience: AUDIENCE };
    list.push({
      name: 'jsonwebtoken',
      verify: (t) => jsonwebtoken.verify(t, jwtKey, options),
      isAsync: false,
    });
  }
  list.push({ name: 'floor', verify: createFloorVerifier(keys), isAsync: false });
  return list;
}
