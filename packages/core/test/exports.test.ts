import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../src/index.js';

// Locks the public surface: adding or removing an export is a deliberate change to this list.
test('the public surface of @tokenward/core is exactly this', () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      'ALGORITHMS',
      'AUTHENTICATOR_OPTION_KEYS',
      'DEFAULT_REALM',
      'ERROR_MEANINGS',
      'JwtError',
      'MemoryReplayStore',
      'MemoryRevocationStore',
      'bearerChallenge',
      'checkOptionNames',
      'checkCsrf',
      'claimValues',
      'clearAuthCookie',
      'configError',
      'createAuthenticator',
      'createAuthorizer',
      'createRemoteJwks',
      'createRequestSlots',
      'createSigner',
      'createTokenExtractor',
      'createUnlessMatcher',
      'createVerifier',
      'decodeUnverified',
      'generateKeyPair',
      'generateSecret',
      'httpAnswer',
      'jwkThumbprint',
      'parseRequirement',
      'readClaim',
      'readPeerCertificate',
      'readRevocationKeys',
      'readSubjectRevocation',
      'readTokenRevocation',
      'serializeAuthCookie',
      'verifierOptionsFromEnv',
      'verifyDpopProof',
    ].sort(),
  );
});

test('index.ts re-exports names explicitly (no export *)', () => {
  const source = readFileSync(join(__dirname, '../src/index.ts'), 'utf8');
  expect(source).not.toMatch(/export \*/);
});
