import type { IncomingHttpHeaders } from 'node:http';

/** How long a fetched key set stays fresh (internal). */
export interface LifetimeRules {
  /** Without a usable `Cache-Control: max-age`. */
  readonly cacheMaxAge: number;
  /** Least lifetime taken from `Cache-Control`. */
  readonly cacheAgeFloor: number;
  /** Greatest lifetime taken from `Cache-Control`. */
  readonly cacheAgeCeiling: number;
}

const DELTA_SECONDS = /^"?(\d{1,10})"?$/;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The freshness lifetime of a key-set response in milliseconds (RFC 9111 §4.2.1 for a private
 * cache): `Cache-Control: max-age` less the response's `Age`, kept between the floor and the
 * ceiling; `no-cache`, `no-store` or a repeated `max-age` count as 0 (then the floor applies).
 * Without `Cache-Control`, or with a `max-age` that is not a number, `cacheMaxAge`.
 *
 * @param headers - the response headers
 * @param rules - default, floor and ceiling
 * @example
 * ```ts
 * cacheLifetime({ 'cache-control': 'max-age=300' }, rules); // 300_000 within the bounds
 * ```
 */
export function cacheLifetime(headers: IncomingHttpHeaders, rules: LifetimeRules): number {
  const cacheControl = single(headers['cache-control']);
  if (cacheControl === undefined) return rules.cacheMaxAge;
  let maxAge: number | undefined;
  let count = 0;
  for (const part of cacheControl.split(',')) {
    const [name = '', value] = part.trim().split('=', 2);
    const directive = name.trim().toLowerCase();
    if (directive === 'no-cache' || directive === 'no-store') return rules.cacheAgeFloor;
    if (directive !== 'max-age') continue;
    count++;
    const seconds = DELTA_SECONDS.exec((value ?? '').trim())?.[1];
    if (seconds === undefined) return rules.cacheMaxAge;
    maxAge = Number(seconds);
  }
  if (maxAge === undefined) return rules.cacheMaxAge;
  if (count > 1) maxAge = 0;
  const age = DELTA_SECONDS.exec(single(headers.age)?.trim() ?? '')?.[1];
  const lifetime = (maxAge - (age === undefined ? 0 : Number(age))) * 1000;
  return Math.min(rules.cacheAgeCeiling, Math.max(rules.cacheAgeFloor, lifetime));
}
