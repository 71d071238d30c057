import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UnlessMiddleware } from '../types.js';
import type { UnlessOptions } from '../unless-options.js';
import { matchesUnless } from './match-unless.js';
import { configError } from '@tokenward/core';

function normalise(options: unknown): UnlessOptions {
  if (typeof options === 'function') return { custom: options as UnlessOptions['custom'] };
  if (typeof options !== 'object' || options === null) {
    configError('unless', 'must be an options object or a function (req) => boolean');
  }
  return options as UnlessOptions;
}

/**
 * Gives a middleware an express-unless style `.unless()` method.
 *
 * @param middleware - the middleware to extend
 */
export function withUnless(middleware: RequestHandler): UnlessMiddleware {
  const extended = middleware as UnlessMiddleware;
  extended.unless = function unless(options) {
    const opts = normalise(options);
    async function unlessMiddleware(req: Request, res: Response, next: NextFunction) {
      let skip: boolean;
      try {
        skip = await matchesUnless(opts, req);
      } catch (err) {
        return next(err);
      }
      if (skip) return next();
      return middleware(req, res, next);
    }
    return withUnless(unlessMiddleware);
  };
  return extended;
}
