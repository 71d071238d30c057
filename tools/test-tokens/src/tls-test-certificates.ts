// Real TLS for the certificate-binding tests: certificates made by the openssl command line at
// test time (node:crypto cannot make X.509 certificates).
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate: PEMs, DER and its RFC 8705 `x5t#S256`. */
export interface TestCertificate {
  cert: string;
  key: string;
  der: Buffer;
  x5t: string;
}

/** A fresh self-signed P-256 certificate (client or server side), valid one day. */
export function testCertificate(cn = 'client'): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'tokenward-mtls-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        `/CN=${cn}`,
      ]),
      { stdio: 'ignore' },
    );
    const cert = readFileSync(certFile, 'utf8');
    const der = new X509Certificate(cert).raw;
    return {
      cert,
      key: readFileSync(keyFile, 'utf8'),
      der,
      x5t: createHash('sha256').update(der).digest('base64url'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A GET over TLS to 127.0.0.1 (server certificate not checked), with or without a client one. */
export function tlsGet(
  port: number,
  path: string,
  headers: Record<string, string>,
  client?: TestCertificate,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers,
        rejectUnauthorized: false,
        agent: false,
        ...(client === undefined ? {} : { cert: client.cert, key: client.key }),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * The certificate-binding outcome seen by three clients of one route: the certificate the token
 * is bound to, another one, and none. Each answer as `status code-or-sub`.
 */
export async function bindingOutcomes(
  port: number,
  path: string,
  token: string,
  bound: TestCertificate,
  other: TestCertificate,
): Promise<string[]> {
  const headers = { authorization: `Bearer ${token}` };
  const answers = [];
  for (const client of [bound, other, undefined]) {
    const { status, body } = await tlsGet(port, path, headers, client);
    answers.push(`${status} ${String(body.code ?? body.sub)}`);
  }
  return answers;
}
