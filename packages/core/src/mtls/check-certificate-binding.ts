import { hash } from 'node:crypto';
import type { RequestView } from '../auth/request-view.js';
import { JwtError } from '../errors/jwt-error.js';
import { decodeBase64url } from '../lib/base64url.js';
import type { JwtClaims } from '../types/claims.js';
import type { MtlsConfig } from './mtls-options.js';

// RFC 9440 §2: Client-Cert is an RFC 8941 byte sequence, `:` standard base64 of the DER `:`.
const BYTE_SEQUENCE = /^:([A-Za-z0-9+/]+={0,2}):$/;

function headerCertificate(req: RequestView, name: string): Uint8Array | undefined {
  const value = req.headers[name];
  if (typeof value !== 'string') return undefined;
  const match = BYTE_SEQUENCE.exec(value.trim());
  if (match === null) return undefined;
  const b64url = (match[1] as string).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return decodeBase64url(b64url);
}

function boundThumbprint(claims: JwtClaims): unknown {
  const cnf = claims.cnf;
  return typeof cnf === 'object' && cnf !== null
    ? (cnf as Record<string, unknown>)['x5t#S256']
    : undefined;
}

/**
 * The certificate-binding step (RFC 8705 §3), after the token's own verification: a token with
 * `cnf["x5t#S256"]` is accepted only when the client certificate of the connection (or of the
 * trusted proxy header, when configured) has that base64url SHA-256 thumbprint of its DER; in
 * `required` mode every token must be so bound. Refusals are `ERR_MTLS_BINDING_MISMATCH` (401
 * `invalid_token`). Returns the thumbprint of a bound token, `undefined` for an unbound one.
 *
 * @param config - the checked `mtls` option
 * @param req - the request view
 * @param claims - the verified claims
 */
export function checkCertificateBinding(
  config: MtlsConfig,
  req: RequestView,
  claims: JwtClaims,
): string | undefined {
  const x5t = boundThumbprint(claims);
  if (x5t === undefined) {
    if (config.mode === 'required') throw new JwtError('ERR_MTLS_BINDING_MISMATCH');
    return undefined;
  }
  if (config.mode === 'off' || typeof x5t !== 'string') {
    throw new JwtError('ERR_MTLS_BINDING_MISMATCH');
  }
  const der =
    req.peerCertificate ??
    (config.certificateHeader === undefined
      ? undefined
      : headerCertificate(req, config.certificateHeader));
  if (der === undefined || der.length === 0 || hash('sha256', der, 'base64url') !== x5t) {
    throw new JwtError('ERR_MTLS_BINDING_MISMATCH');
  }
  return x5t;
}
