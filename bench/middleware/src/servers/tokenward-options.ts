import { createRemoteJwks, type VerifierOptions } from '@tokenward/core';
import type { Material } from '../material.js';
import type { Scenario } from '../scenarios.js';

/**
 * The verifier options of a tokenward scenario: the same checks the peers make (algorithm
 * allow-list, issuer, audience, exp), tokenward's defaults for everything else.
 *
 * @param scenario - a tokenward scenario
 * @param material - keys and URLs
 * @returns options for `jwt()` / `JwtAuthModule.forRoot()`
 * @example
 * ```ts
 * app.use(jwt(tokenwardOptions(scenario, material)));
 * ```
 */
export function tokenwardOptions(scenario: Scenario, material: Material): VerifierOptions {
  const checks = {
    issuer: material.issuer,
    audience: material.audience,
    ...(scenario.cache === undefined ? {} : { cache: scenario.cache }),
  };
  switch (scenario.key) {
    case 'HS256':
      return { algorithms: ['HS256'], key: material.secret, ...checks };
    case 'RS256':
      return { algorithms: ['RS256'], key: material.publicKeyPem, ...checks };
    case 'JWKS':
      return { algorithms: ['RS256'], key: createRemoteJwks(material.jwksUrl), ...checks };
  }
}
