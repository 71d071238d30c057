import { createUnlessMatcher } from '@tokenward/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UnlessMiddleware } from '../types.js';

/**
 * Gives a middleware an express-unless style `.unless()` method.
 *
 * @param middleware - the middleware to extend
 */
export function withUnless(middleware: RequestHandler): UnlessMiddleware {
  const extended = middleware as UnlessMiddleware;
  extended.unless = function unless(options) {
    const skips = createUnlessMatcher<Request>(options);
    async function unlessMiddleware(req: Request, res: Response, next: NextFunction) {
      let skip: boolean;
      try {
        skip = await skips(req);
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
