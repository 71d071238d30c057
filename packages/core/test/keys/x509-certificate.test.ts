import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSigner, createVerifier, JwtError } from '../../src/index.js';

// A self-signed RSA-2048 certificate and its key, made once with
// `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj "/CN=tokenward test"`.
const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../fixtures', name), 'utf8');
const certificate = fixture('rsa-2048-cert.pem');
const privateKey = fixture('rsa-2048-cert-key.pem');

describe('an X.509 certificate PEM as the verification key', () => {
  it('verifies tokens signed by the certificate key', async () => {
    const token = await createSigner({ algorithm: 'RS256', key: privateKey }).sign({ sub: 'u1' });
    const verifier = createVerifier({ algorithms: ['RS256', 'PS256'], key: certificate });
    const { payload } = await verifier.verify(token);
    expect(payload.sub).toBe('u1');
  });

  it('rejects a token signed by another RSA key', async () => {
    const { privateKey: other } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await createSigner({ algorithm: 'RS256', key: other }).sign({ sub: 'u1' });
    const verifier = createVerifier({ algorithms: ['RS256'], key: certificate });
    await expect(verifier.verify(token)).rejects.toMatchObject({
      code: 'ERR_JWT_SIGNATURE_INVALID',
    });
  });

  it('is refused as an HMAC secret (RS→HS key confusion)', () => {
    expect(() => createVerifier({ algorithms: ['HS256'], key: certificate })).toThrow(JwtError);
    try {
      createVerifier({ algorithms: ['HS256'], key: certificate });
    } catch (err) {
      expect((err as JwtError).code).toBe('ERR_JWT_KEY_INVALID');
    }
  });
});
