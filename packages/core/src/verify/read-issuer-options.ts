import { checkOptionNames } from '../config/check-option-names.js';
import { configError, JwtError } from '../errors/jwt-error.js';
import { createRemoteJwks, type RemoteJwks } from '../jwks/create-remote-jwks.js';
import type { RemoteJwksOptions } from '../jwks/remote-jwks-options.js';
import type { VerifiedIssuer } from '../types/issuer-options.js';
import type { VerifierOptions } from '../types/verifier-options.js';
import { createScope, type IssuerScope } from './issuer-scope.js';
import { buildKeyStrategy } from './key-strategy.js';
import { readVerifierOptions, type VerifierConfig } from './read-verifier-options.js';

// The entry options that replace the verifier's rule of the same name.
const RULES = [
  'algorithms',
  'audience',
  'typ',
  'requiredClaims',
  'maxTokenAge',
  'clockTolerance',
  'revocation',
] as const;

/** Every option of one `issuers` entry (one list, for the unknown-option check). */
export const ISSUER_FIELDS = [
  'key',
  'jwksUri',
  'discovery',
  'remoteJwks',
  'label',
  ...RULES,
] as const;

// The verifier's options every entry inherits unless it replaces them.
const INHERITED = [...RULES, 'subject', 'maxTokenLength', 'clock', 'cache'] as const;

/**
 * Reads one entry of `issuers` into a scope: the entry's rules over the verifier's, the
 * algorithms narrowed from the verifier's (never widened), exactly one key source. Errors name
 * the option as `issuers["<iss>"].<option>`.
 *
 * @param iss - the exact issuer of the entry
 * @param entry - the entry, untrusted
 * @param options - the verifier's options (already validated)
 * @param base - the verifier's validated configuration
 * @param fromToken - the entry came from a function `issuers` for a token's `iss`: messages then
 *   call it `issuers(iss)`, never quoting the token's value
 */
export function readIssuerOptions(
  iss: string,
  entry: unknown,
  options: VerifierOptions,
  base: VerifierConfig,
  fromToken = false,
): IssuerScope {
  const name = fromToken ? 'issuers(iss)' : `issuers[${JSON.stringify(iss.slice(0, 200))}]`;
  if (iss === '') configError('issuers', 'must not contain an empty issuer');
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    configError(name, 'must be an object such as { key } or { jwksUri }');
  }
  try {
    return readEntry(iss, entry, options, base);
  } catch (err) {
    if (!(err instanceof JwtError) || !err.message.startsWith('Invalid option "')) throw err;
    throw new JwtError(
      err.code,
      err.message.replace('Invalid option "', `Invalid option "${name}.`),
      { cause: err.cause },
    );
  }
}

function readEntry(
  iss: string,
  entry: unknown,
  options: VerifierOptions,
  base: VerifierConfig,
): IssuerScope {
  const e = entry as Record<string, unknown>;
  checkOptionNames(e, ISSUER_FIELDS, 'an issuers entry');
  const sources = (['key', 'jwksUri', 'discovery'] as const).filter(
    (field) => e[field] !== undefined && e[field] !== false,
  );
  if (sources.length !== 1) configError('key', 'give exactly one of key, jwksUri, discovery');
  if (e.discovery !== undefined && typeof e.discovery !== 'boolean') {
    configError('discovery', 'must be a boolean');
  }
  const label = e.label;
  if (label !== undefined && (typeof label !== 'string' || label === '')) {
    configError('label', 'must be a non-empty string');
  }
  const merged: Record<string, unknown> = {};
  const given = options as unknown as Record<string, unknown>;
  for (const field of INHERITED) if (given[field] !== undefined) merged[field] = given[field];
  for (const field of RULES) if (e[field] !== undefined) merged[field] = e[field];
  // No `issuer` rule: the token's `iss` selected this entry by exact match, so checking it again
  // would only cost a string comparison per token.
  const config = readVerifierOptions(merged as unknown as VerifierOptions);
  for (const alg of config.algorithms) {
    if (!base.algorithms.has(alg)) {
      configError('algorithms', `${alg} is not one of the verifier's algorithms`);
    }
  }
  const owned = sources[0] === 'key' ? undefined : ownedJwks(iss, e, options);
  const strategy = buildKeyStrategy(owned ?? e.key, config.algorithms);
  const issuer: VerifiedIssuer = Object.freeze(
    label === undefined ? { iss } : { iss, label: label as string },
  );
  return createScope(config, strategy, issuer, owned);
}

// The remote JWK Set of a `jwksUri` or `discovery` entry, on the verifier's clock by default.
function ownedJwks(iss: string, e: Record<string, unknown>, options: VerifierOptions): RemoteJwks {
  const remote = e.remoteJwks;
  if (remote !== undefined && (typeof remote !== 'object' || remote === null)) {
    configError('remoteJwks', 'must be an object of remote JWK Set options');
  }
  const jwksOptions: RemoteJwksOptions = { ...(remote as RemoteJwksOptions | undefined) };
  if (jwksOptions.clock === undefined && options.clock !== undefined) {
    jwksOptions.clock = options.clock;
  }
  if (e.discovery === true) {
    return createRemoteJwks(iss, { ...jwksOptions, discovery: true });
  }
  if (jwksOptions.discovery === true) configError('remoteJwks', 'discovery: use "discovery"');
  return createRemoteJwks(e.jwksUri as string | URL, jwksOptions);
}
