import { configError, JwtError } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';
import type { OnError } from '../types.js';
import type { Fail } from './request-context.js';

// The answer is entirely core's: status, challenge headers and body all come from the JwtError.
function respond(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!(err instanceof JwtError) || res.headersSent) return next(err);
  res.status(err.status).set(err.headers).json(err.body);
}

function passOn(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(err);
}

/**
 * Turns the `onError` option into the function every failure goes through. Anything that is not
 * a `JwtError` (a bug, not an authentication outcome) always goes to `next(err)`.
 *
 * @param onError - the option value, validated here
 */
export function errorDelivery(onError: OnError | undefined): Fail {
  let deliver: Fail;
  if (onError === undefined || onError === 'respond') deliver = respond;
  else if (onError === 'next') deliver = passOn;
  else if (typeof onError === 'function') {
    deliver = (err, req, res, next) =>
      err instanceof JwtError ? onError(err, req, res, next) : next(err);
  } else {
    configError('onError', "must be 'respond', 'next' or a function (err, req, res, next)");
  }
  // A throwing renderer must not become an unhandled rejection on Express 4.
  return function deliverError(err, req, res, next) {
    try {
      deliver(err, req, res, next);
    } catch (thrown) {
      next(thrown);
    }
  };
}
