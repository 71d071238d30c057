import { configError, JwtError } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';
import type { OnError } from '../types.js';
import type { Fail } from './request-context.js';

// The answer is entirely core's: status, challenge headers and body all come from the JwtError.
// A JwtError that is not `expose`d (ERR_JWT_CONFIG_INVALID: a failing key resolver) is a server
// error like any other: Express's error path answers it (500) and the app's handler logs it.
function respond(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!(err instanceof JwtError) || !err.expose || res.headersSent) return next(err);
  res.status(err.status).set(err.headers).json(err.body);
}

function passOn(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(err);
}

/**
 * Turns the `onError` option into the function every failure goes through. Anything that is not
 * an exposed `JwtError` (a bug or a failing callback of the app, not an authentication outcome)
 * always goes to `next(err)`, which Express answers with 500.
 *
 * @param onError - the option value, validated here
 */
export function errorDelivery(onError: OnError | undefined): Fail {
  let deliver: Fail;
  if (onError === undefined || onError === 'respond') deliver = respond;
  else if (onError === 'next') deliver = passOn;
  else if (typeof onError === 'function') {
    deliver = (err, req, res, next) =>
      err instanceof JwtError && err.expose ? onError(err, req, res, next) : next(err);
  } else {
    configError('onError', "must be 'respond', 'next' or a function (err, req, res, next)");
  }
  // A throwing renderer must not become an unhandled rejection on Express 4; and `next` is
  // called at most once, even when `next` itself (or a handler after it) throws.
  return function deliverError(err, req, res, next) {
    let called = false;
    const once: NextFunction = (value?: unknown) => {
      called = true;
      next(value as Error);
    };
    try {
      deliver(err, req, res, once);
    } catch (thrown) {
      if (!called) return next(thrown);
      process.emitWarning(
        `tokenward: an error was thrown after next() had been called; it is not passed on: ${String(thrown)}`,
        { code: 'TOKENWARD_THROWN_AFTER_NEXT' },
      );
    }
  };
}
