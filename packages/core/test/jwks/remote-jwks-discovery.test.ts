import { createRemoteJwks, JwtError } from '@tokenward/core';
import { startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { ecKey } from '../helpers/test-keys';

let server: JwksServer;
const k1 = ecKey('k1');

beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

async function outcome(promise: Promise<{ kid?: string }>): Promise<string> {
  try {
    return `key ${(await promise).kid}`;
  } catch (err) {
    if (err instanceof JwtError) return err.code;
    throw err;
  }
}

describe('OpenID discovery', () => {
  it('finds jwks_uri in the issuer’s openid-configuration (issuer with a path, Keycloak style)', async () => {
    const issuer = `${server.origin}/realms/demo`;
    server.route('/realms/demo/.well-known/openid-configuration', {
      issuer,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
    });
    server.route('/realms/demo/protocol/openid-connect/certs', { keys: [k1.jwk] });
    const jwks = createRemoteJwks(issuer, { discovery: true });
    expect(await outcome(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).toBe('key k1');
    expect(server.hits('/realms/demo/.well-known/openid-configuration')).toBe(1);
    // Discovery is done once; later refreshes go straight to the key set.
    await jwks.refresh();
    expect(server.hits('/realms/demo/.well-known/openid-configuration')).toBe(1);
    expect(server.hits('/realms/demo/protocol/openid-connect/certs')).toBe(2);
  });

  it('handles an issuer with a trailing slash (Auth0 style), compared exactly', async () => {
    const issuer = `${server.origin}/tenant/`;
    server.route('/tenant/.well-known/openid-configuration', {
      issuer,
      jwks_uri: `${server.origin}/tenant/jwks`,
    });
    server.route('/tenant/jwks', { keys: [k1.jwk] });
    expect(
      await outcome(
        createRemoteJwks(issuer, { discovery: true }).resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'),
      ),
    ).toBe('key k1');
  });

  it('refuses a configuration naming another issuer, and fetches no keys', async () => {
    const issuer = `${server.origin}/mix`;
    server.route('/mix/.well-known/openid-configuration', {
      issuer: `${server.origin}/mix/`,
      jwks_uri: `${server.origin}/mix/jwks`,
    });
    server.route('/mix/jwks', { keys: [k1.jwk] });
    const errors: string[] = [];
    const jwks = createRemoteJwks(issuer, {
      discovery: true,
      onError: (e) => errors.push(e.message),
    });
    expect(await outcome(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).toBe(
      'ERR_JWKS_UNAVAILABLE',
    );
    expect(server.hits('/mix/jwks')).toBe(0);
    expect(errors[0]).toContain('another issuer');
  });

  it('refuses a discovered jwks_uri that breaks the transport policy', async () => {
    const issuer = `${server.origin}/insecure`;
    server.route('/insecure/.well-known/openid-configuration', {
      issuer,
      jwks_uri: 'http://keys.example.com/jwks',
    });
    const jwks = createRemoteJwks(issuer, { discovery: true });
    expect(await outcome(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).toBe(
      'ERR_JWKS_UNAVAILABLE',
    );
  });

  it('refuses a configuration that is not an object or lacks jwks_uri', async () => {
    server.route('/arr/.well-known/openid-configuration', []);
    server.route('/nojwks/.well-known/openid-configuration', { issuer: `${server.origin}/nojwks` });
    for (const name of ['arr', 'nojwks', 'absent']) {
      const jwks = createRemoteJwks(`${server.origin}/${name}`, { discovery: true });
      expect(await outcome(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).toBe(
        'ERR_JWKS_UNAVAILABLE',
      );
    }
  });
});
