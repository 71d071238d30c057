import { createRemoteJwks, type JwtError } from '@tokenward/core';
import { startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { rejection } from '../helpers/jwt-errors';
import { ecKey } from '../helpers/test-keys';

let server: JwksServer;
beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

// Only the first 100 entries of a fetched set are considered (docs/jwks.md); anything past them
// is never imported, however cheap or costly it would be.
const CAP = 100;
const keys = Array.from({ length: CAP + 1 }, (_, i) => ecKey(`k${i}`));

describe('a hostile key set', () => {
  it('is cut at 100 entries: 120k junk entries within 256 KiB are never imported', async () => {
    const junk = ',0'.repeat(120_000);
    const body = `{"keys":[${keys.map((k) => JSON.stringify(k.jwk)).join(',')}${junk}]}`;
    expect(body.length).toBeLessThan(262_144);
    server.route('/hostile', body);
    const errors: JwtError[] = [];
    const jwks = createRemoteJwks(`${server.origin}/hostile`, { onError: (e) => errors.push(e) });
    // The first 100 keys all work...
    for (const k of keys.slice(0, CAP)) {
      expect((await jwks.resolve({ alg: 'ES256', kid: k.kid }, 'ES256')).kid).toBe(k.kid);
    }
    // ...the 101st entry, a good key, is past the cap and never considered.
    const past = await rejection(jwks.resolve({ alg: 'ES256', kid: `k${CAP}` }, 'ES256'));
    expect(past.code).toBe('ERR_JWT_KEY_NOT_FOUND');
    expect(server.hits('/hostile')).toBe(1);
    expect(errors).toEqual([]);
  });

  it('does not let an entry past the cap cancel a key by repeating its kid', async () => {
    const twin = ecKey('k0');
    server.route('/twin', { keys: [...keys.slice(0, CAP).map((k) => k.jwk), twin.jwk] });
    const jwks = createRemoteJwks(`${server.origin}/twin`);
    const key = await jwks.resolve({ alg: 'ES256', kid: 'k0' }, 'ES256');
    expect(key.keyObject.equals(keys[0]!.publicKey)).toBe(true);
  });
});
