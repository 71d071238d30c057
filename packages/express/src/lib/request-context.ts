import type { Authenticator, JwtClaims } from '@tokenward/core';
import type { NextFunction, Request, Response } from 'express';

/** Delivers a failure the way the `jwt()` that ran on this request was configured to. */
export type Fail = (err: unknown, req: Request, res: Response, next: NextFunction) => void;

/** What `jwt()` leaves on a request for the route guards that run after it. */
export interface RequestContext {
  readonly authenticator: Authenticator<JwtClaims>;
  readonly fail: Fail;
}
