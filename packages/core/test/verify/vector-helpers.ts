import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtError, type Algorithm, type Verifier } from '../../src/index.js';
import { importJwk } from '../../src/keys/import-jwk.js';
import { algorithmSpec } from '../../src/lib/algorithm-table.js';
import { createSignatureCheck } from '../../src/signature/signature-check.js';

/** The vectors folder of core's test fixtures (origin and licence in its README). */
export const VECTORS = join(__dirname, '../fixtures/vectors');

export function readVectors<T>(file: string): T {
  return JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as T;
}

/** The rejection of a verify call (fails the test if it resolves or rejects with a non-JwtError). */
export async function rejection(verifier: Verifier, token: unknown): Promise<JwtError> {
  let outcome: unknown;
  try {
    outcome = await verifier.verify(token as string);
  } catch (err) {
    expect(err).toBeInstanceOf(JwtError);
    return err as JwtError;
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(outcome)}`);
}

/** The same token with one signature character changed, still canonical base64url. */
export function tamperSignature(token: string): string {
  const dot = token.lastIndexOf('.');
  const c = token[dot + 1];
  return `${token.slice(0, dot + 1)}${c === 'A' ? 'B' : 'A'}${token.slice(dot + 2)}`;
}

/** Whether our signature code alone accepts the token's signature under this JWK (alg not pinned). */
export function signatureAccepted(
  jwk: Record<string, unknown>,
  alg: string,
  token: string,
): boolean {
  const { alg: _pin, ...unpinned } = jwk;
  const key = importJwk(unpinned, { option: 'key', allowOct: true });
  const spec = algorithmSpec(alg as Algorithm);
  if (spec === undefined) return false;
  const dot = token.lastIndexOf('.');
  const segment = token.slice(dot + 1);
  const check = createSignatureCheck(key.keyObject, spec);
  return check(token.slice(0, dot), segment, Buffer.from(segment, 'base64url'));
}

/** The `alg` of a compact token's header, when readable. */
export function headerAlg(token: string): string | undefined {
  try {
    const alg = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).alg;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}
