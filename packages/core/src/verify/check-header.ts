import { normalizeTyp } from '../claims/typ.js';
import { JwtError } from '../errors/jwt-error.js';
import { algorithmSpec, type AlgorithmSpec } from '../lib/algorithm-table.js';
import { decodeJsonSegment } from '../lib/decode-json-segment.js';
import { deepFreeze } from '../lib/deep-freeze.js';
import type { Algorithm } from '../types/algorithm.js';
import type { JwsHeader } from '../types/claims.js';
import type { SignatureCheck } from '../signature/signature-check.js';

/** A decoded header that passed steps 4–6 of the verification order (internal, memoized). */
export interface HeaderEntry {
  /** The deep-frozen, null-prototype header handed to resolvers and callers. */
  readonly header: JwsHeader;
  readonly alg: Algorithm;
  readonly spec: AlgorithmSpec;
  /** Whether `typ` is accepted (reported only at step 13, after the claims). */
  readonly typOk: boolean;
  /** The signature check, once a configured key (static or JWK Set) was resolved for it. */
  check: SignatureCheck | undefined;
}

const malformed = (): never => {
  throw new JwtError('ERR_JWT_MALFORMED');
};

/**
 * Decodes and checks a protected header (STANDARDS.md verification order, steps 4–6): a strict
 * JSON object; no `enc` (JWE); no `crit` (`ERR_JWT_CRIT_UNSUPPORTED`); `b64` absent or `true`; no
 * nested JWT (`cty: JWT`); `kid` a string; `typ` a string; `alg` a string in the allow-list (never
 * `none`). `jwk`, `jku`, `x5u`, `x5c` are ignored.
 *
 * @param segment - the base64url header segment
 * @param algorithms - the allow-list
 * @param typ - accepted normalized `typ` values, when configured
 */
export function checkHeader(
  segment: string,
  algorithms: ReadonlySet<Algorithm>,
  typ: ReadonlySet<string> | undefined,
): HeaderEntry {
  const header = decodeJsonSegment(segment);
  if (header.enc !== undefined) malformed();
  if (header.crit !== undefined) {
    if (!Array.isArray(header.crit)) malformed();
    throw new JwtError('ERR_JWT_CRIT_UNSUPPORTED');
  }
  if (header.b64 !== undefined && header.b64 !== true) malformed();
  const { cty, kid, alg } = header;
  if (cty !== undefined) {
    if (typeof cty !== 'string') malformed();
    const type = normalizeTyp(cty as string);
    if (type === 'application/jwt') malformed();
  }
  if (kid !== undefined && typeof kid !== 'string') malformed();
  if (header.typ !== undefined && typeof header.typ !== 'string') {
    throw new JwtError('ERR_JWT_TYPE_MISMATCH');
  }
  if (typeof alg !== 'string' || !algorithms.has(alg as Algorithm)) {
    throw new JwtError('ERR_JWT_ALG_NOT_ALLOWED');
  }
  const typOk =
    typ === undefined || (typeof header.typ === 'string' && typ.has(normalizeTyp(header.typ)));
  return {
    // Memoised and handed to every caller: frozen all the way down, as cached claims are.
    header: deepFreeze(header) as JwsHeader,
    alg: alg as Algorithm,
    spec: algorithmSpec(alg) as AlgorithmSpec,
    typOk,
    check: undefined,
  };
}
