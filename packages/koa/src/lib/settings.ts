import {
  AUTHENTICATOR_OPTION_KEYS,
  type AuthenticatorOptions,
  checkOptionNames,
  configError,
} from '@tokenward/core';
import type { KoaJwtOptions } from '../options.js';
import { contextOfView } from './request-view.js';

/** The Koa-side settings of `jwt()`, validated, with their defaults. */
export interface KoaSettings {
  readonly stateKey: string;
  /** Where the raw token goes; `undefined`: nowhere (koa-jwt's default). */
  readonly tokenKey: string | undefined;
  readonly passthrough: boolean;
  readonly errorBody: 'json' | 'text';
}

/** Every option of Koa's `jwt()`: core's plus these, declared once, here where they are read. */
const KOA_OPTION_KEYS = [
  ...AUTHENTICATOR_OPTION_KEYS,
  'stateKey',
  'tokenKey',
  'passthrough',
  'errorBody',
];
// Names from other adapters or from koa-jwt that mean something else here.
const KOA_HINTS: Readonly<Record<string, string>> = {
  onError:
    'Koa failures are thrown: catch them in an error middleware before jwt() (see docs/koa.md)',
  requestProperty: 'use "stateKey" (the ctx.state property of the claims)',
  secret: 'use "key" (koa-jwt\'s "key", the state property, is "stateKey" here)',
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'jwtOriginalError']);

function stateProperty(option: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '' || FORBIDDEN_KEYS.has(value)) {
    configError(option, 'must be a non-empty property name');
  }
  return value;
}

/**
 * Reads and validates the Koa-side options (defaults live here).
 *
 * @param options - the options of `jwt()`
 */
export function koaSettings(
  options: KoaJwtOptions<unknown, string, string> | undefined,
): KoaSettings {
  checkOptionNames(options, KOA_OPTION_KEYS, 'jwt()', KOA_HINTS);
  const stateKey = stateProperty('stateKey', options?.stateKey, 'user');
  const tokenKey =
    options?.tokenKey === undefined ? undefined : stateProperty('tokenKey', options.tokenKey, '');
  if (stateKey === tokenKey) configError('tokenKey', 'must differ from stateKey');
  const passthrough = options?.passthrough ?? false;
  if (typeof passthrough !== 'boolean') configError('passthrough', 'must be a boolean');
  const errorBody = options?.errorBody ?? 'json';
  if (errorBody !== 'json' && errorBody !== 'text')
    configError('errorBody', "must be 'json' or 'text'");
  return { stateKey, tokenKey, passthrough, errorBody };
}

/**
 * The options core's authenticate step receives: the Koa-side options removed, and a user
 * `getToken(ctx)` bridged to core's `getToken(view)`. No option at all stays `undefined`, which
 * makes core read the environment.
 *
 * @param options - the options of `jwt()`
 */
export function coreOptions(
  options: KoaJwtOptions<unknown, string, string> | undefined,
): AuthenticatorOptions<unknown> | undefined {
  if (options === undefined) return undefined;
  const {
    stateKey: _stateKey,
    tokenKey: _tokenKey,
    passthrough: _passthrough,
    errorBody: _errorBody,
    getToken,
    ...rest
  } = options;
  if (getToken === undefined) return Object.keys(rest).length > 0 ? rest : undefined;
  if (typeof getToken !== 'function') configError('getToken', 'must be a function (ctx) => token');
  return {
    ...rest,
    getToken: (view) => {
      const ctx = contextOfView(view);
      return ctx === undefined ? undefined : getToken(ctx);
    },
  };
}
