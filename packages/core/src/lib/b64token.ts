// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Whether `value` has the RFC 6750 `b64token` syntax (a JWT always has). */
export function isB64Token(value: string): boolean {
  return B64TOKEN.test(value);
}
