import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Response } from 'express';
import { bindingOutcomes, testCertificate } from '@tokenward/test-tokens';
import { jwt, type AuthRequest } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

const serverTls = testCertificate('127.0.0.1');
const alice = testCertificate('alice');
const mallory = testCertificate('mallory');

describe.each(MAJORS)('certificate-bound tokens on %s (real TLS)', (_name, express) => {
  let server: Server;
  let port: number;
  let ran = 0;
  beforeAll(async () => {
    const app = express();
    app.get('/me', jwt({ ...VERIFY, mtls: {} }), (req: AuthRequest, res: Response) => {
      ran++;
      res.json({ sub: req.auth?.sub });
    });
    server = createServer(
      { cert: serverTls.cert, key: serverTls.key, requestCert: true, rejectUnauthorized: false },
      app,
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test("accepts a token bound to the connection's client certificate, refuses it otherwise", async () => {
    expect(
      await bindingOutcomes(
        port,
        '/me',
        await sign({ sub: 'alice', cnf: { 'x5t#S256': alice.x5t } }),
        alice,
        mallory,
      ),
    ).toEqual(['200 alice', '401 ERR_MTLS_BINDING_MISMATCH', '401 ERR_MTLS_BINDING_MISMATCH']);
    expect(ran).toBe(1);
  });
});
