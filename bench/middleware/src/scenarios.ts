/** The three frameworks measured. */
export type Framework = 'express' | 'koa' | 'nest';

/** What guards the route: nothing, tokenward, or the framework's usual peer library. */
export type Guard = 'none' | 'tokenward' | 'peer';

/** The key the token is verified with. */
export type KeyKind = 'HS256' | 'RS256' | 'JWKS';

/**
 * One server setup of the benchmark.
 *
 * @example
 * ```ts
 * const s: Scenario = { id: 'express-bare', framework: 'express', guard: 'none', key: 'HS256', label: 'bare Express' };
 * ```
 */
export interface Scenario {
  /** Stable id, also the child process argument. */
  id: string;
  /** The framework. */
  framework: Framework;
  /** What guards the route. */
  guard: Guard;
  /** The key kind (HS256 for bare and peers). */
  key: KeyKind;
  /** Row label in the report. */
  label: string;
  /** tokenward's `cache` option, when the setup sets it (`false`: every request verified). */
  cache?: boolean;
}

const NAMES: Record<Framework, { bare: string; tokenward: string; peer: string }> = {
  express: {
    bare: 'bare Express',
    tokenward: 'Express + @tokenward/express',
    peer: 'Express + express-jwt',
  },
  koa: { bare: 'bare Koa', tokenward: 'Koa + @tokenward/koa', peer: 'Koa + koa-jwt' },
  nest: {
    bare: 'bare Nest (express)',
    tokenward: 'Nest + JwtGuard',
    peer: 'Nest + @nestjs/passport + passport-jwt',
  },
};

/**
 * Every setup, in report order: per framework bare, tokenward HS256 (defaults, then with the
 * verified-token cache on), the peer (HS256), then tokenward with RS256 and with a remote JWK Set
 * (RS256 keys served on 127.0.0.1).
 *
 * @example
 * ```ts
 * SCENARIOS.filter((s) => s.framework === 'koa');
 * ```
 */
export const SCENARIOS: readonly Scenario[] = (['express', 'koa', 'nest'] as const).flatMap(
  (framework) => {
    const n = NAMES[framework];
    return [
      { id: `${framework}-bare`, framework, guard: 'none', key: 'HS256', label: n.bare },
      {
        id: `${framework}-tokenward-hs256`,
        framework,
        guard: 'tokenward',
        key: 'HS256',
        label: `${n.tokenward} (HS256)`,
      },
      {
        id: `${framework}-tokenward-hs256-nocache`,
        framework,
        guard: 'tokenward',
        key: 'HS256',
        cache: false,
        label: `${n.tokenward} (HS256, cache: false)`,
      },
      {
        id: `${framework}-peer-hs256`,
        framework,
        guard: 'peer',
        key: 'HS256',
        label: `${n.peer} (HS256)`,
      },
      {
        id: `${framework}-tokenward-rs256`,
        framework,
        guard: 'tokenward',
        key: 'RS256',
        label: `${n.tokenward} (RS256)`,
      },
      {
        id: `${framework}-tokenward-rs256-nocache`,
        framework,
        guard: 'tokenward',
        key: 'RS256',
        cache: false,
        label: `${n.tokenward} (RS256, cache: false)`,
      },
      {
        id: `${framework}-tokenward-jwks`,
        framework,
        guard: 'tokenward',
        key: 'JWKS',
        label: `${n.tokenward} (remote JWKS, RS256)`,
      },
    ] satisfies Scenario[];
  },
);

/**
 * Finds a scenario by id.
 *
 * @param id - a {@link Scenario.id}
 * @returns the scenario
 * @throws Error for an unknown id
 * @example
 * ```ts
 * const scenario = scenarioById('koa-peer-hs256');
 * ```
 */
export function scenarioById(id: string): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown scenario "${id}"`);
  return found;
}
