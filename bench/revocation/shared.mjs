// What the parent and the server processes of bench:revocation share.
import { createHmac } from 'node:crypto';

export const ISSUER = 'https://auth.example.com/';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Revoked tokens preloaded in every store (none of them is the measured token). */
export const PRELOADED = Number(process.env.REVOCATION_BENCH_PRELOADED ?? 10_000);

export const SCENARIOS = [
  { id: 'memory', label: 'MemoryRevocationStore' },
  { id: 'redis', label: 'RedisRevocationStore' },
  { id: 'mirror', label: 'RedisRevocationStore + mirror' },
];

/** HS256 compact JWS with node:crypto. */
export function sign(secret, claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The preloaded revocations: realistic (iss, jti) entries plus a few subject rules. */
export function* preloaded(now) {
  for (let i = 0; i < PRELOADED; i += 1) {
    yield { kind: 'token', value: { iss: ISSUER, jti: `revoked-${i}`, exp: now + 3600 } };
  }
  for (let i = 0; i < 100; i += 1) {
    yield { kind: 'rule', value: { sub: `user-${i}`, issuedBefore: now, until: now + 3600 } };
  }
}
