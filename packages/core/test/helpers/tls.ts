// Real TLS for the certificate-binding tests: the fixtures' RSA certificate on the server side,
// client certificates from the shared test tool (made by openssl at test time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export {
  testCertificate as clientCertificate,
  tlsGet,
  type TestCertificate as ClientCertificate,
} from '../../../../tools/test-tokens/src/tls-test-certificates';

/** The fixtures' self-signed RSA certificate and key, for the server side. */
export const SERVER_TLS = {
  cert: readFileSync(join(__dirname, '../fixtures/rsa-2048-cert.pem'), 'utf8'),
  key: readFileSync(join(__dirname, '../fixtures/rsa-2048-cert-key.pem'), 'utf8'),
};
