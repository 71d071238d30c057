import { readFileSync } from 'node:fs';
import {
  Agent as HttpsAgent,
  createServer as createHttpsServer,
  type Server as HttpsServer,
} from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
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

// The self-signed certificate of test/fixtures (see keys/x509-certificate.test.ts): an https issuer
// on a name that is not loopback, reached on 127.0.0.1 through the `agent` option.
describe('OpenID discovery from an https issuer', () => {
  const fixture = (name: string): string =>
    readFileSync(join(__dirname, '../fixtures', name), 'utf8');
  const cert = fixture('rsa-2048-cert.pem');
  let tls: HttpsServer;
  let issuer: string;
  let agent: HttpsAgent;
  const routes = new Map<string, object>();

  beforeAll(async () => {
    tls = createHttpsServer({ cert, key: fixture('rsa-2048-cert-key.pem') }, (req, res) => {
      const body = routes.get(req.url ?? '');
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    issuer = `https://issuer.test:${(tls.address() as AddressInfo).port}`;
    agent = new HttpsAgent({
      ca: cert,
      checkServerIdentity: () => undefined,
      // issuer.test resolves to the local server (both lookup forms of net.connect).
      lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) =>
        opts.all === true
          ? cb(null, [{ address: '127.0.0.1', family: 4 }])
          : cb(null, '127.0.0.1', 4)) as never,
    });
  });
  afterAll(async () => {
    agent.destroy();
    tls.closeAllConnections();
    await new Promise((resolve) => tls.close(resolve));
  });

  it('uses an https jwks_uri', async () => {
    routes.set('/.well-known/openid-configuration', { issuer, jwks_uri: `${issuer}/keys` });
    routes.set('/keys', { keys: [k1.jwk] });
    const jwks = createRemoteJwks(issuer, { discovery: true, agent });
    expect(await outcome(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).toBe('key k1');
  });

  it('refuses to downgrade to an http: jwks_uri, even on a loopback address', async () => {
    routes.set('/.well-known/openid-configuration', {
      issuer,
      jwks_uri: `${server.origin}/downgraded-keys`,
    });
    server.route('/downgraded-keys', { keys: [k1.jwk] });
    const errors: string[] = [];
    const jwks = createRemoteJwks(issuer, {
      discovery: true,
      agent,
      onError: (e) => errors.push(e.message),
    });
    expect(await outcome(jwks.resolve({ alg: 'ES256', kid: 'k1' }, 'ES256'))).toBe(
      'ERR_JWKS_UNAVAILABLE',
    );
    expect(errors).toEqual([expect.stringContaining('jwks_uri')]);
    expect(server.hits('/downgraded-keys')).toBe(0);
  });
});
