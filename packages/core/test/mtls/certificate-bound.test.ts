import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  createAuthenticator,
  createSigner,
  type JwtError,
  readPeerCertificate,
  type AuthenticatorOptions,
  type RequestView,
} from '@tokenward/core';
import { clientCertificate, SERVER_TLS, tlsGet, type ClientCertificate } from '../helpers/tls';

const SECRET = 'the mtls test secret, thirty-two bytes or more';
const signer = createSigner({ algorithm: 'HS256', key: SECRET });
const alice = clientCertificate('alice');
const mallory = clientCertificate('mallory');

// One real HTTPS server per mtls option; the route answers with the authentication result.
async function tlsServer(mtls: AuthenticatorOptions['mtls']): Promise<Server> {
  const auth = createAuthenticator({ algorithms: ['HS256'], key: SECRET, mtls });
  const server = createHttpsServer(
    { ...SERVER_TLS, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const view: RequestView = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        secure: true,
        peerCertificate: readPeerCertificate(req.socket),
      };
      auth.authenticate(view).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify(
              result.authenticated ? { confirmation: result.confirmation ?? null } : {},
            ),
          );
        },
        (err: JwtError) => {
          res.writeHead(err.status, { 'content-type': 'application/json', ...err.headers });
          res.end(JSON.stringify(err.body));
        },
      );
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('certificate-bound tokens (RFC 8705 §3) over real TLS', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const start = async (mtls: AuthenticatorOptions['mtls']) => {
    const server = await tlsServer(mtls);
    servers.push(server);
    return (server.address() as AddressInfo).port;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const boundTo = (cert: ClientCertificate) =>
    signer.sign({ sub: 'alice', cnf: { 'x5t#S256': cert.x5t } });

  it('accepts a bound token over a connection with its certificate, and reports it', async () => {
    const port = await start({});
    const res = await tlsGet(port, '/', bearer(await boundTo(alice)), alice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ confirmation: { method: 'mtls', x5tS256: alice.x5t } });
  });

  it('refuses it with another certificate or none (401 invalid_token)', async () => {
    const port = await start({});
    const token = await boundTo(alice);
    for (const client of [mallory, undefined]) {
      const res = await tlsGet(port, '/', bearer(token), client);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'ERR_MTLS_BINDING_MISMATCH', error: 'invalid_token' });
    }
  });

  it('allowed passes unbound tokens; required refuses them; without the option bound ones are refused', async () => {
    const plain = await signer.sign({ sub: 'bob' });
    expect((await tlsGet(await start({}), '/', bearer(plain), alice)).status).toBe(200);
    const required = await start({ mode: 'required' });
    expect((await tlsGet(required, '/', bearer(plain), alice)).body.code).toBe(
      'ERR_MTLS_BINDING_MISMATCH',
    );
    expect((await tlsGet(required, '/', bearer(await boundTo(alice)), alice)).status).toBe(200);
    const none = await start(undefined);
    expect((await tlsGet(none, '/', bearer(await boundTo(alice)), alice)).body.code).toBe(
      'ERR_MTLS_BINDING_MISMATCH',
    );
  });
});

describe('the trusted proxy header (RFC 9440 Client-Cert)', () => {
  const auth = createAuthenticator({
    algorithms: ['HS256'],
    key: SECRET,
    mtls: { certificateHeader: 'Client-Cert' },
  });
  const view = (token: string, clientCert?: string): RequestView => ({
    method: 'GET',
    url: '/',
    headers: {
      authorization: `Bearer ${token}`,
      ...(clientCert ? { 'client-cert': clientCert } : {}),
    },
    secure: true,
  });

  it('reads the certificate from the header only when configured', async () => {
    const token = await signer.sign({ sub: 'alice', cnf: { 'x5t#S256': alice.x5t } });
    const header = `:${alice.der.toString('base64')}:`;
    await expect(auth.authenticate(view(token, header))).resolves.toMatchObject({
      confirmation: { method: 'mtls', x5tS256: alice.x5t },
    });
    for (const wrong of [
      `:${mallory.der.toString('base64')}:`,
      alice.der.toString('base64'),
      undefined,
    ]) {
      await expect(auth.authenticate(view(token, wrong))).rejects.toMatchObject({
        code: 'ERR_MTLS_BINDING_MISMATCH',
      });
    }
    const unconfigured = createAuthenticator({ algorithms: ['HS256'], key: SECRET, mtls: {} });
    await expect(unconfigured.authenticate(view(token, header))).rejects.toMatchObject({
      code: 'ERR_MTLS_BINDING_MISMATCH',
    });
  });

  it.each([
    ['mtls', 'yes'],
    ['mtls.mode', { mode: 'always' }],
    ['mtls.certificateHeader', { certificateHeader: 'bad header' }],
  ])('names %s when it is invalid', (name, mtls) => {
    expect(() =>
      createAuthenticator({ algorithms: ['HS256'], key: SECRET, mtls: mtls as never }),
    ).toThrow(`"${name}"`);
  });
});
