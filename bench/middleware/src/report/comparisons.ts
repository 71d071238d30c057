import { median, type LoadResult } from '../load.js';
import type { Framework } from '../scenarios.js';

/**
 * One ratio of the report: the requests/s of a tokenward setup over a baseline's.
 *
 * @example
 * ```ts
 * const c: Comparison = { framework: 'koa', label: 'tokenward HS256 / bare', of: 'koa-tokenward-hs256', over: 'koa-bare', target: 0.9 };
 * ```
 */
export interface Comparison {
  /** The framework both setups run on. */
  framework: Framework;
  /** Short label, e.g. `tokenward HS256 / bare`. */
  label: string;
  /** Scenario id of the numerator. */
  of: string;
  /** Scenario id of the denominator. */
  over: string;
  /** The target for this ratio, if it has one. */
  target?: number;
}

/**
 * A {@link Comparison} with its measured value.
 *
 * @example
 * ```ts
 * if (ratio.met === false) console.log(`${ratio.label}: ${ratio.value}`);
 * ```
 */
export interface Ratio extends Comparison {
  /** Measured ratio, or `undefined` when a setup did not produce a valid run. */
  value?: number;
  /** Whether the target was met (`undefined` without a target or a value). */
  met?: boolean;
  /**
   * The same ratio from the servers' CPU time per request (`over`'s over `of`'s): what one core
   * would serve, less sensitive to other load on a shared machine.
   */
  cpuValue?: number;
  /** Whether the target was met by {@link Ratio.cpuValue}. */
  cpuMet?: boolean;
}

const PEERS: Record<Framework, { name: string; target: number }> = {
  express: { name: 'express-jwt', target: 4 },
  koa: { name: 'koa-jwt', target: 4 },
  nest: { name: 'passport-jwt guard', target: 3 },
};

/**
 * Every ratio the report shows: the targets (tokenward HS256 ≥ 0.9× bare, ≥ 4× express-jwt,
 * ≥ 4× koa-jwt, ≥ 3× the passport-jwt guard), judged on tokenward's defaults (the verified-token
 * cache is on for a configured key); the same with `cache: false` (every request verified, as the
 * peers do), and RS256 / remote JWKS over bare, for information.
 *
 * @example
 * ```ts
 * for (const c of COMPARISONS) console.log(c.label);
 * ```
 */
export const COMPARISONS: readonly Comparison[] = (['express', 'koa', 'nest'] as const).flatMap(
  (framework) => [
    {
      framework,
      label: 'tokenward HS256 / bare',
      of: `${framework}-tokenward-hs256`,
      over: `${framework}-bare`,
      target: 0.9,
    },
    {
      framework,
      label: 'tokenward HS256 cache: false / bare',
      of: `${framework}-tokenward-hs256-nocache`,
      over: `${framework}-bare`,
    },
    {
      framework,
      label: `tokenward HS256 / ${PEERS[framework].name}`,
      of: `${framework}-tokenward-hs256`,
      over: `${framework}-peer-hs256`,
      target: PEERS[framework].target,
    },
    {
      framework,
      label: `tokenward HS256 cache: false / ${PEERS[framework].name}`,
      of: `${framework}-tokenward-hs256-nocache`,
      over: `${framework}-peer-hs256`,
      target: PEERS[framework].target,
    },
    {
      framework,
      label: 'tokenward RS256 / bare',
      of: `${framework}-tokenward-rs256`,
      over: `${framework}-bare`,
    },
    {
      framework,
      label: 'tokenward RS256 cache: false / bare',
      of: `${framework}-tokenward-rs256-nocache`,
      over: `${framework}-bare`,
    },
    {
      framework,
      label: 'tokenward remote JWKS / bare',
      of: `${framework}-tokenward-jwks`,
      over: `${framework}-bare`,
    },
  ],
);

/**
 * Computes the ratios from the measured runs; a run with failures counts as missing.
 *
 * @param results - measured runs by scenario id
 * @param comparisons - which ratios; default {@link COMPARISONS}
 * @returns the ratios, in order
 * @example
 * ```ts
 * const ratios = computeRatios(results);
 * ```
 */
export function computeRatios(
  results: ReadonlyMap<string, LoadResult>,
  comparisons: readonly Comparison[] = COMPARISONS,
): Ratio[] {
  const valid = (id: string): LoadResult | undefined => {
    const r = results.get(id);
    return r && r.failures === 0 && r.requestsPerSec > 0 ? r : undefined;
  };
  return comparisons.map((c) => {
    const of = valid(c.of);
    const over = valid(c.over);
    if (of === undefined || over === undefined) return { ...c };
    const value = pairedRatio(of, over) ?? of.requestsPerSec / over.requestsPerSec;
    const ratio: Ratio = { ...c, value };
    if (c.target !== undefined) ratio.met = value >= c.target;
    if (of.cpuMicrosPerRequest && over.cpuMicrosPerRequest) {
      ratio.cpuValue =
        pairedMedians(of.roundsCpuRelative, over.roundsCpuRelative) ??
        over.cpuMicrosPerRequest / of.cpuMicrosPerRequest;
      if (c.target !== undefined) ratio.cpuMet = ratio.cpuValue >= c.target;
    }
    return ratio;
  });
}

/**
 * The ratio from the paired runs (see `measureFramework`): the median of `of`'s relative values
 * (its requests/s over the bare framework's, loaded at the same time) over the median of `over`'s
 * (1 for the bare framework). `undefined` when the runs carry no relative values.
 *
 * @param of - the numerator's combined run
 * @param over - the denominator's combined run
 * @returns the ratio, or `undefined`
 * @example
 * ```ts
 * const value = pairedRatio(tokenward, bare) ?? tokenward.requestsPerSec / bare.requestsPerSec;
 * ```
 */
export function pairedRatio(of: LoadResult, over: LoadResult): number | undefined {
  return pairedMedians(of.roundsRelative, over.roundsRelative);
}

// The median of `a` over the median of `b`; `undefined` unless both have values.
function pairedMedians(
  a: readonly number[] | undefined,
  b: readonly number[] | undefined,
): number | undefined {
  if (a === undefined || b === undefined || a.length === 0 || b.length === 0) return undefined;
  return median(a) / median(b);
}
