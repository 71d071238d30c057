import { randomBytes } from 'node:crypto';
import { createVerifier, JwtError, type Algorithm, type Jwk } from '../../src/index.js';
import { readVectors, rejection, signatureAccepted, tamperSignature } from './vector-helpers.js';

interface RfcVector {
  name: string;
  alg: string;
  token: string;
  jwk_public: Jwk | null;
  expected_payload: string;
  payload_is_json: boolean;
  expected_valid: boolean;
  clock?: number;
  detached_payload_b64?: string;
  jwt_result_with_real_clock?: string;
  expected_error?: string;
  acceptable_errors?: string[];
}

const files = ['rfc7515.json', 'rfc7519.json', 'rfc7520.json', 'rfc7797.json', 'rfc8037.json'];
const vectors = files.flatMap((file) =>
  readVectors<{ vectors: RfcVector[] }>(file).vectors.map((v) => [v.name, v] as const),
);

function verifierFor(v: RfcVector, clock?: number) {
  // Unsecured examples come with no key: any HS256 key shows that `none` is refused anyway.
  const key = v.jwk_public ?? randomBytes(32);
  const algorithms = [v.jwk_public && v.alg !== 'none' ? v.alg : 'HS256'] as Algorithm[];
  return createVerifier({ algorithms, key, ...(clock ? { clock: () => clock * 1000 } : {}) });
}

describe('RFC examples (RFC 7515, 7519, 7520, 7797, 8037)', () => {
  it('covers every vector of the five files', () => {
    expect(vectors).toHaveLength(17);
  });

  it.each(vectors)('%s', async (_name, v) => {
    if (!v.expected_valid) {
      const acceptable = (v.acceptable_errors ?? [v.expected_error]).map((c) => `ERR_JWT_${c}`);
      let code: string;
      try {
        code = (await rejection(verifierFor(v), v.token)).code;
      } catch (err) {
        // A key refused at construction (RFC 8037 X25519 key) is a rejection too.
        if (!(err instanceof JwtError)) throw err;
        code = err.code;
      }
      expect(acceptable).toContain(code);
      return;
    }
    // The JWS signature is valid: our signature code accepts it, a tampered one is refused. A
    // detached payload (RFC 7520 §4.5) is put back for the signature check only.
    const [h, p, s] = v.token.split('.');
    const attached = v.detached_payload_b64 ? `${h}.${v.detached_payload_b64}.${s}` : v.token;
    expect(p === '').toBe(v.detached_payload_b64 !== undefined);
    expect(signatureAccepted(v.jwk_public!, v.alg, attached)).toBe(true);
    if (v.payload_is_json) {
      const { payload } = await verifierFor(v, v.clock).verify(v.token);
      expect(Object.getPrototypeOf(payload)).toBeNull();
      expect({ ...payload }).toEqual(JSON.parse(v.expected_payload));
      // With the real clock the 2011 token is expired.
      expect((await rejection(verifierFor(v), v.token)).code).toBe('ERR_JWT_EXPIRED');
    } else {
      // Not a JWT: prose payload, or an empty (detached) payload segment.
      expect((await rejection(verifierFor(v, v.clock), v.token)).code).toBe('ERR_JWT_MALFORMED');
    }
    if (p !== '') {
      const tampered = tamperSignature(v.token);
      expect((await rejection(verifierFor(v, v.clock), tampered)).code).toBe(
        'ERR_JWT_SIGNATURE_INVALID',
      );
    }
  });
});
