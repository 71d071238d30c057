/**
 * What every server child needs to verify the benchmark token, passed as JSON in an environment
 * variable (keys as PEM/JWK text so they cross the process boundary).
 *
 * @example
 * ```ts
 * const material: Material = JSON.parse(process.env.BENCH_MATERIAL!);
 * ```
 */
export interface Material {
  /** The HS256 secret, text. */
  secret: string;
  /** The RS256 public key, SPKI PEM. */
  publicKeyPem: string;
  /** The URL of the JWK Set served by the runner. */
  jwksUrl: string;
  /** The `iss` every verifier checks. */
  issuer: string;
  /** The `aud` every verifier checks. */
  audience: string;
}

/** The environment variable that carries {@link Material}. */
export const MATERIAL_ENV = 'BENCH_MATERIAL';
