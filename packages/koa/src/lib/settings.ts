import { type AuthenticatorOptions, configError } from '@tokenward/core';
import type { KoaJwtOptions } from '../options.js';
import { contextOfView } from './request-view.js';

/** The Koa-side settings of `jwt()`, validated, with their defaults. */
export interface KoaSettings {
  readonly stateKey: string;
  readonly tokenKey: string;
  readonly passthrough: boolean;
  readonly errorBody: 'json' | 'text';
}

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
  const stateKey = stateProperty('stateKey', options?.stateKey, 'user');
  const tokenKey = stateProperty('tokenKey', options?.tokenKey, 'token');
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
